package io.hfthot.quant.marketmaking;

/**
 * Turns a market state and an inventory into a bid and an ask.
 *
 * <p>Contract, checked for every implementation by {@code QuotingModelContract}:
 * <ul>
 *   <li>prices are {@code mid - bidOffset} and {@code mid + askOffset};</li>
 *   <li>no bid when buying a lot would exceed the limit ({@code q + 1 > Q}), no ask when selling would
 *       ({@code q - 1 < -Q});</li>
 *   <li>symmetry: the bid offset at inventory {@code q} equals the ask offset at {@code -q};</li>
 *   <li>inventory aversion: the bid offset does not decrease and the ask offset does not increase as
 *       {@code q} grows (a long book buys less eagerly and sells more eagerly);</li>
 *   <li>the result depends only on the request (no hidden state other than caches of pure
 *       functions), and implementations are thread-safe;</li>
 *   <li>a request the model cannot price (for example a fractional inventory for a lattice model)
 *       throws {@link IllegalArgumentException} naming the field; a state the model cannot resolve
 *       to the precision of a double throws {@link ArithmeticException}. No garbage is returned.</li>
 * </ul>
 */
public interface QuotingModel {

    /**
     * Quotes one bid and one ask.
     *
     * @param request the market state, inventory and model parameters
     * @return the quote
     */
    Quote quote(QuoteRequest request);

    /** A short identifier, e.g. {@code "avellaneda-stoikov"}. */
    String name();
}
