package io.hfthot.engine.lab;

import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.lab.compute.ComputeLimits;
import java.util.Objects;

/**
 * The abuse limits of a {@link LabService} that a server may set: API keys per account and compute.
 *
 * @param keys    live-key caps per tier and key creations per account per day
 * @param compute threads, queue and deadline of compute-heavy operations
 */
public record LabLimits(KeyLimits keys, ComputeLimits compute) {
    /** Validates that both parts are present. */
    public LabLimits {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(compute, "compute");
    }

    /**
     * Returns {@link KeyLimits#defaults()} and {@link ComputeLimits#defaults()}.
     *
     * @return the defaults
     */
    public static LabLimits defaults() {
        return new LabLimits(KeyLimits.defaults(), ComputeLimits.defaults());
    }
}
