package io.hfthot.engine.hti.ideas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's rules against their closed forms (tolerance 1e-6 relative: prices keep 7 digits). */
class IdeaGeneratorTest {
    private static final double REL = 1e-6;

    /** Closes with a drift per bar and seeded noise of standard deviation {@code noise}. */
    private static double[] path(double drift, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[40];
        c[0] = 100;
        for (int i = 1; i < c.length; i++) {
            c[i] = c[i - 1] * Math.exp(drift + noise * (r.nextDouble() * 2 - 1) * Math.sqrt(3));
        }
        return c;
    }

    @Test
    void trendingUpwardsGivesAMarketBuyWithLevelsFromVolatility() {
        double[] closes = path(0.002, 0.001, 1);
        double last = closes[closes.length - 1];
        IdeaProposal p = IdeaGenerator.propose(closes, last, "trending", 0.8).orElseThrow();
        assertEquals("BUY", p.side());
        assertEquals("MARKET", p.orderType());
        assertEquals("TREND", p.prefix());
        assertEquals(last, p.price(), last * REL);
        double sigmaH = IdeaGenerator.volatility(closes, IdeaGenerator.VOL_BARS) * Math.sqrt(IdeaGenerator.HORIZON_BARS);
        assertEquals(IdeaGenerator.TP_SIGMAS * sigmaH, Math.log(p.takeProfit() / p.price()), 1e-5);
        assertEquals(IdeaGenerator.SL_SIGMAS * sigmaH, Math.log(p.price() / p.stopLoss()), 1e-5);
        double expected = 100 * (0.8 * (p.takeProfit() - p.price()) - 0.2 * (p.price() - p.stopLoss())) / p.price();
        assertEquals(expected, p.estimatedPl(), 1e-4);
        assertEquals(0.8, p.confidence());
    }

    @Test
    void meanRevertingAboveTheMeanGivesASellLimitAboveTheLastPrice() {
        double[] closes = path(0, 0.001, 2);
        closes[closes.length - 1] = closes[closes.length - 2] * 1.02;
        double last = closes[closes.length - 1];
        IdeaProposal p = IdeaGenerator.propose(closes, last, "mean_reverting", 0.7).orElseThrow();
        assertEquals("SELL", p.side());
        assertEquals("LIMIT", p.orderType());
        assertTrue(p.price() > last && p.takeProfit() < p.price() && p.stopLoss() > p.price(), p.toString());
    }

    @Test
    void volatileDownwardsGivesASellStopBelowTheLastPrice() {
        double[] closes = path(-0.003, 0.002, 3);
        double last = closes[closes.length - 1];
        IdeaProposal p = IdeaGenerator.propose(closes, last, "volatile", 0.6).orElseThrow();
        assertEquals("SELL", p.side());
        assertEquals("STOP", p.orderType());
        assertEquals("BREAKOUT", p.prefix());
        assertTrue(p.price() < last, p.toString());
    }

    @Test
    void noIdeaBelowTheConfidenceFloorOrWithoutEnoughBarsOrSignal() {
        double[] closes = path(0.002, 0.001, 4);
        double last = closes[closes.length - 1];
        assertEquals(Optional.empty(), IdeaGenerator.propose(closes, last, "trending", 0.49));
        assertEquals(Optional.empty(), IdeaGenerator.propose(java.util.Arrays.copyOf(closes, 20), last, "trending", 0.9));
        double[] flat = new double[40];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 100 + (i % 2) * 0.01;
        }
        // Mean-reverting with the close within one sigma of its mean: nothing to fade.
        assertEquals(Optional.empty(), IdeaGenerator.propose(flat, 100.005, "mean_reverting", 0.9));
        assertEquals(Optional.empty(), IdeaGenerator.propose(closes, last, "unknown", 0.9));
    }

    @Test
    void assetClassesOfTheSimulatedInstruments() {
        assertEquals("CRYPTO", AssetClasses.of("BTC-USDT"));
        assertEquals("FOREX", AssetClasses.of("EUR-USD"));
        assertEquals("INDEX", AssetClasses.of("SPX500-USD"));
        assertEquals("COMMODITY", AssetClasses.of("XAU-USD"));
        assertEquals("EQUITY", AssetClasses.of("AAPL"));
    }

    @Test
    void importedNamesWithoutADashAreSplitBeforeTheRules() {
        assertEquals("CRYPTO", AssetClasses.of("BTCUSDT"));
        assertEquals("CRYPTO", AssetClasses.of("eth/btc"));
        assertEquals("FOREX", AssetClasses.of("EURUSD"));
        assertEquals("FOREX", AssetClasses.of("GBP_JPY"));
        assertEquals("COMMODITY", AssetClasses.of("XAUUSD"));
        assertEquals("INDEX", AssetClasses.of("NAS100"));
        assertEquals("EQUITY", AssetClasses.of("MSFT"));
        assertEquals("EQUITY", AssetClasses.of("USDT"));
        assertEquals("EQUITY", AssetClasses.of("ABCDEF"));
    }
}
