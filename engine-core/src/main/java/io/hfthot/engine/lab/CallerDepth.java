package io.hfthot.engine.lab;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.history.TableHistory;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.quota.QuotaDecision;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The historical depth of a caller's tier, as every lab read applies it: a requested range that starts too early
 * is {@code TIER_REQUIRED} ({@link #require}), and whole-table reads see only the rows at or after
 * {@link #visibleFrom}.
 */
final class CallerDepth {
    private final AccessControl access;
    private final InstantSource clock;

    CallerDepth(AccessControl access, InstantSource clock) {
        this.access = access;
        this.clock = clock;
    }

    /**
     * The earliest bar time the caller's tier may read, in Unix ms. An unbounded tier (Enterprise) reports
     * {@link Instant#MIN}, which has no millisecond value; market data starts at the Unix epoch anyway.
     */
    long earliestAllowedMs(Principal caller, Instant now) {
        Instant earliest = access.quotas().earliestAllowed(caller.tier(), now);
        return earliest.isBefore(Instant.EPOCH) ? 0L : earliest.toEpochMilli();
    }

    /**
     * The first instant whose rows the caller's tier may read, rounded up to the microsecond (the lakehouse's
     * timestamp precision), or null for an unbounded tier. The bound of SQL, Parquet export and table reads.
     */
    Instant visibleFrom(Principal caller) {
        Instant earliest = access.quotas().earliestAllowed(caller.tier(), clock.instant());
        return earliest.equals(Instant.MIN) ? null : TableHistory.ceilToMicros(earliest);
    }

    void require(Principal caller, long startMs, Instant now, String parameter) {
        QuotaDecision d = access.historyFrom(caller, Instant.ofEpochMilli(startMs), now);
        if (!d.allowed()) {
            throw new EngineException(ErrorCode.TIER_REQUIRED, parameter, d.required().orElse(null), d.message(), null);
        }
    }
}
