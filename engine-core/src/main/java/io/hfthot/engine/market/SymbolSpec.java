package io.hfthot.engine.market;

import java.util.List;
import java.util.Objects;

/**
 * The per-symbol parameters of the simulator.
 *
 * @param symbol              the trading pair, e.g. {@code BTC-USDT}
 * @param referencePrice      the price at the start of the tick history; the whole path is anchored to it
 * @param annualVolatility    the target long-run volatility of log returns per year (e.g. 0.55)
 * @param factorLoading       loading {@code beta} on the common market factor, in [0, 1): the correlation of
 *                            two symbols' shocks is {@code beta_i * beta_j}
 * @param priceDecimals       decimals of the price tick (1 means a 0.1 tick)
 * @param qtyDecimals         decimals of the lot size
 * @param volumePerMinute     mean traded base quantity per minute in a calm market
 * @param spreadBps           quoted spread in basis points in the calm (mean-reverting) regime
 */
public record SymbolSpec(String symbol, double referencePrice, double annualVolatility, double factorLoading,
                         int priceDecimals, int qtyDecimals, double volumePerMinute, double spreadBps) {
    /** Validates the parameters. */
    public SymbolSpec {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        positive(referencePrice, "referencePrice");
        positive(annualVolatility, "annualVolatility");
        if (!(factorLoading >= 0 && factorLoading < 1)) {
            throw new IllegalArgumentException("factorLoading must be in [0, 1), got " + factorLoading);
        }
        if (priceDecimals < 0 || priceDecimals > 8) {
            throw new IllegalArgumentException("priceDecimals must be in [0, 8], got " + priceDecimals);
        }
        if (qtyDecimals < 0 || qtyDecimals > 8) {
            throw new IllegalArgumentException("qtyDecimals must be in [0, 8], got " + qtyDecimals);
        }
        positive(volumePerMinute, "volumePerMinute");
        positive(spreadBps, "spreadBps");
    }

    private static void positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    /**
     * Returns the price tick.
     *
     * @return {@code 10^-priceDecimals}
     */
    public double tickSize() {
        return Math.pow(10, -priceDecimals);
    }

    /**
     * Returns the lot size.
     *
     * @return {@code 10^-qtyDecimals}
     */
    public double lotSize() {
        return Math.pow(10, -qtyDecimals);
    }

    /**
     * Returns the default symbols: the crypto pairs BTC-USDT, ETH-USDT and SOL-USDT, then one instrument of each
     * other asset class the trade-ideas API filters on: EUR-USD (forex), SPX500-USD (an equity index CFD) and
     * XAU-USD (gold, a commodity), all at early-2024 price levels with volatilities, factor loadings and volumes
     * typical of them. The crypto pairs come first so that their simulated paths do not depend on the others.
     *
     * @return the default specs, unmodifiable
     */
    public static List<SymbolSpec> defaults() {
        return List.of(
                new SymbolSpec("BTC-USDT", 42_150.5, 0.55, 0.85, 1, 4, 36.0, 0.5),
                new SymbolSpec("ETH-USDT", 2_310.25, 0.70, 0.80, 2, 3, 400.0, 1.0),
                new SymbolSpec("SOL-USDT", 98.765, 0.95, 0.70, 3, 2, 6_000.0, 2.0),
                new SymbolSpec("EUR-USD", 1.0850, 0.08, 0.20, 5, 0, 2_000_000.0, 0.2),
                new SymbolSpec("SPX500-USD", 4_780.5, 0.16, 0.35, 1, 1, 500.0, 0.5),
                new SymbolSpec("XAU-USD", 2_050.35, 0.14, 0.15, 2, 2, 300.0, 1.5));
    }
}
