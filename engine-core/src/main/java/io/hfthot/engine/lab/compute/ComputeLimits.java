package io.hfthot.engine.lab.compute;

import java.time.Duration;

/**
 * How much compute the lab's heavy operations may take at once.
 *
 * @param threads  computations running at the same time (1..256)
 * @param queue    computations waiting for a thread beyond those running (0..10000); more are refused at once
 * @param deadline the longest a computation may take from its submission, waiting included (100 ms..10 min)
 */
public record ComputeLimits(int threads, int queue, Duration deadline) {
    /** Default deadline. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** Validates the ranges, naming the offending field. */
    public ComputeLimits {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("compute threads must be in [1, 256], got " + threads);
        }
        if (queue < 0 || queue > 10_000) {
            throw new IllegalArgumentException("compute queue must be in [0, 10000], got " + queue);
        }
        if (deadline == null || deadline.compareTo(Duration.ofMillis(100)) < 0
                || deadline.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("compute deadline must be in [100 ms, 10 min], got " + deadline);
        }
    }

    /**
     * Returns the defaults: one thread per available processor, a queue of four per thread, a 10 s deadline.
     *
     * @return the defaults
     */
    public static ComputeLimits defaults() {
        int cpus = Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors()));
        return new ComputeLimits(cpus, 4 * cpus, DEFAULT_DEADLINE);
    }
}
