package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Keeps every quote of another model at least a minimum distance from the mid, so that the quoted
 * spread never falls below twice that distance. Taking a maximum with a constant preserves the
 * {@link QuotingModel} contract (symmetry and monotonicity in inventory). Thread-safe if the delegate
 * is.
 */
public final class FlooredQuotingModel implements QuotingModel {
    private final QuotingModel delegate;
    private final double minOffset;

    /**
     * Wraps a model.
     *
     * @param delegate  the model whose quotes are floored
     * @param minOffset the smallest distance of either quote from the mid (>= 0)
     */
    public FlooredQuotingModel(QuotingModel delegate, double minOffset) {
        if (delegate == null) {
            throw new InvalidParameterException("delegate", "delegate must not be null");
        }
        this.delegate = delegate;
        this.minOffset = Checks.nonNegative(minOffset, "minOffset");
    }

    @Override
    public Quote quote(QuoteRequest request) {
        Quote raw = delegate.quote(request);
        return Quote.around(request, Math.max(raw.bidOffset(), minOffset), Math.max(raw.askOffset(), minOffset));
    }

    /** The floor on each side's distance from the mid. */
    public double minOffset() {
        return minOffset;
    }

    @Override
    public String name() {
        return delegate.name() + "+floor";
    }
}
