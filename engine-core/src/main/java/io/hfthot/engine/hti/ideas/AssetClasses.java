package io.hfthot.engine.hti.ideas;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code ASSET_CLASS} of an instrument, from its name {@code BASE-QUOTE}: the rules below, in order.
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
        int dash = s.indexOf('-');
        String base = dash < 0 ? s : s.substring(0, dash);
        String quote = dash < 0 ? "" : s.substring(dash + 1);
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
