package io.hfthot.quant.marketmaking;

import io.hfthot.quant.InvalidParameterException;

/** Checks shared by the request builders of this package. */
final class Quoting {
    private Quoting() {
    }

    /** Requires a builder parameter to have been set (builders start every number at NaN). */
    static void requireSet(double value, String name) {
        if (Double.isNaN(value)) {
            throw new InvalidParameterException(name, name + " must be set to a finite number, got " + value);
        }
    }
}
