package io.hfthot.engine.hti.ideas;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code ASSET_CLASS} of an instrument, from its name: the rules below, in order, on its base and quote.
 *
 * <p>Imported bars (the server's {@code import} command) carry no asset class (the import takes a symbol and an
 * interval only), so imported symbols are classified by these same rules on their name. The base and quote are the
 * parts around a {@code -}, {@code /} or {@code _}; a name without one is split before a crypto quote suffix
 * ({@code BTCUSDT}), else into 3 + 3 letters when both halves are ISO 4217 codes ({@code EURUSD}, {@code XAUUSD}),
 * else it is all base ({@code AAPL}, {@code SPX500}).
 * <ol>
 *   <li>{@code CRYPTO}: the quote is a stablecoin or a crypto currency (USDT, USDC, BTC, ETH).</li>
 *   <li>{@code COMMODITY}: the base is a metal or energy code (XAU, XAG, XPT, WTI, BRENT, NGAS).</li>
 *   <li>{@code INDEX}: the base is an index code (SPX500, NAS100, US30, GER40, UK100, JPN225).</li>
 *   <li>{@code FOREX}: base and quote are both ISO 4217 currencies of the JDK.</li>
 *   <li>{@code EQUITY}: anything else (imported stock symbols).</li>
 * </ol>
 */
public final class AssetClasses {
    /** Crypto currencies. */
    public static final String CRYPTO = "CRYPTO";
    /** Currency pairs. */
    public static final String FOREX = "FOREX";
    /** Equity indices. */
    public static final String INDEX = "INDEX";
    /** Metals and energy. */
    public static final String COMMODITY = "COMMODITY";
    /** Single stocks and anything unclassified. */
    public static final String EQUITY = "EQUITY";

    private static final Set<String> CRYPTO_QUOTES = Set.of("USDT", "USDC", "BTC", "ETH");
    private static final Set<String> COMMODITIES = Set.of("XAU", "XAG", "XPT", "WTI", "BRENT", "NGAS");
    private static final Set<String> INDICES = Set.of("SPX500", "NAS100", "US30", "GER40", "UK100", "JPN225");

    private AssetClasses() {
    }

    /**
     * Classifies an instrument.
     *
     * @param instrument a symbol such as {@code EUR-USD}
     * @return one of the constants of this class
     */
    public static String of(String instrument) {
        String s = instrument.trim().toUpperCase(Locale.ROOT);
        String[] parts = split(s);
        String base = parts[0];
        String quote = parts[1];
        if (CRYPTO_QUOTES.contains(quote)) {
            return CRYPTO;
        }
        if (COMMODITIES.contains(base)) {
            return COMMODITY;
        }
        if (INDICES.contains(base)) {
            return INDEX;
        }
        if (isCurrency(base) && isCurrency(quote)) {
            return FOREX;
        }
        return EQUITY;
    }

    /** Base and quote of a name, as the class comment says. */
    private static String[] split(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '/' || c == '_') {
                return new String[] {s.substring(0, i), s.substring(i + 1)};
            }
        }
        for (String q : CRYPTO_QUOTES) {
            if (s.length() > q.length() && s.endsWith(q)) {
                return new String[] {s.substring(0, s.length() - q.length()), q};
            }
        }
        if (s.length() == 6 && isCurrency(s.substring(0, 3)) && isCurrency(s.substring(3))) {
            return new String[] {s.substring(0, 3), s.substring(3)};
        }
        return new String[] {s, ""};
    }

    private static boolean isCurrency(String code) {
        if (code.length() != 3) {
            return false;
        }
        try {
            java.util.Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
