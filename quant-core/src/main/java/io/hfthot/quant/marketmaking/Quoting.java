package io.hfthot.quant.marketmaking;

/** Checks shared by the request builders of this package. */
final class Quoting {
    private Quoting() {
    }

    /** Requires a builder parameter to have been set (builders start every number at NaN). */
    static void requireSet(double value, String name) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be set to a finite number, got " + value);
        }
    }
}
