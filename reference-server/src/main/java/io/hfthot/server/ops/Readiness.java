package io.hfthot.server.ops;

import io.hfthot.engine.storage.StorageGuard;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the server can do its work now, checked for real on each call: the lakehouse is writable (the
 * {@link StorageGuard}'s probe: free-disk reserve and a write test) and the market feed ticks (a tick reached the
 * event bus within {@code maxTickAge}). Liveness, by contrast, only says the process answers.
 */
public final class Readiness {
    /** One check's outcome. */
    public record Check(boolean ok, String detail) {
    }

    /** The outcome of every check; ready when all are ok. */
    public record Report(Map<String, Check> checks) {
        /** Copies the map. */
        public Report {
            checks = Map.copyOf(checks);
        }

        /** @return true when every check passed */
        public boolean ready() {
            return checks.values().stream().allMatch(Check::ok);
        }
    }

    private final StorageGuard storage;
    private final Supplier<Optional<Duration>> lastTickAge;
    private final Duration maxTickAge;

    /**
     * Creates the checks.
     *
     * @param storage     the data directory's guard
     * @param lastTickAge how long ago the last tick arrived (empty before the first)
     * @param maxTickAge  the oldest last tick that still counts as ticking
     */
    public Readiness(StorageGuard storage, Supplier<Optional<Duration>> lastTickAge, Duration maxTickAge) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.lastTickAge = Objects.requireNonNull(lastTickAge, "lastTickAge");
        this.maxTickAge = Objects.requireNonNull(maxTickAge, "maxTickAge");
    }

    /**
     * Runs every check.
     *
     * @return the report
     */
    public Report check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("lakehouse", storage.unavailableReason()
                .map(reason -> new Check(false, reason))
                .orElseGet(() -> new Check(true, "writable")));
        Optional<Duration> age = lastTickAge.get();
        if (age.isEmpty()) {
            checks.put("feed", new Check(false, "no tick received yet"));
        } else if (age.get().compareTo(maxTickAge) > 0) {
            checks.put("feed", new Check(false, "last tick " + age.get().toMillis() + " ms ago, more than "
                    + maxTickAge.toMillis() + " ms"));
        } else {
            checks.put("feed", new Check(true, "last tick " + age.get().toMillis() + " ms ago"));
        }
        return new Report(checks);
    }
}
