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
 * event bus within {@code maxTickAge}), plus any further named checks ({@link #with}: Redis when the server is a
 * replica). Liveness, by contrast, only says the process answers.
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
    private final Map<String, Supplier<Optional<String>>> more;

    /**
     * Creates the checks.
     *
     * @param storage     the data directory's guard
     * @param lastTickAge how long ago the last tick arrived (empty before the first)
     * @param maxTickAge  the oldest last tick that still counts as ticking
     */
    public Readiness(StorageGuard storage, Supplier<Optional<Duration>> lastTickAge, Duration maxTickAge) {
        this(storage, lastTickAge, maxTickAge, Map.of());
    }

    private Readiness(StorageGuard storage, Supplier<Optional<Duration>> lastTickAge, Duration maxTickAge,
                      Map<String, Supplier<Optional<String>>> more) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.lastTickAge = Objects.requireNonNull(lastTickAge, "lastTickAge");
        this.maxTickAge = Objects.requireNonNull(maxTickAge, "maxTickAge");
        this.more = more;
    }

    /**
     * Returns these checks plus one more.
     *
     * @param name    the check's name in the report (e.g. {@code redis})
     * @param problem empty when the dependency is fine; otherwise why not
     * @return the extended checks
     */
    public Readiness with(String name, Supplier<Optional<String>> problem) {
        Map<String, Supplier<Optional<String>>> all = new LinkedHashMap<>(more);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(problem, "problem"));
        return new Readiness(storage, lastTickAge, maxTickAge, all);
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
        more.forEach((name, problem) -> checks.put(name, problem.get()
                .map(reason -> new Check(false, reason))
                .orElseGet(() -> new Check(true, "reachable"))));
        return new Report(checks);
    }
}
