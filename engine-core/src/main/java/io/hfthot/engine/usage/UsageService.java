package io.hfthot.engine.usage;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.quota.Allowance;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaEngine;
import java.time.Duration;
import java.time.Instant;

/**
 * Records admitted requests and assembles {@link AccountUsage}. Thread-safe when its store is.
 */
public final class UsageService {
    private static final long SECONDS_PER_DAY = 86_400L;

    private final QuotaEngine quotas;
    private final UsageStore store;

    /**
     * Creates the service.
     *
     * @param quotas the quota engine (for limits and stream counts)
     * @param store  where daily counts live
     */
    public UsageService(QuotaEngine quotas, UsageStore store) {
        if (quotas == null || store == null) {
            throw new IllegalArgumentException("quotas and store must not be null");
        }
        this.quotas = quotas;
        this.store = store;
    }

    /**
     * Counts one admitted request for the principal's key on the UTC day of {@code now}, through the store's
     * {@link UsageStore#record} (which a shared store batches, so a request does not wait for it).
     *
     * @param principal the caller
     * @param now       the request time
     */
    public void recordRequest(Principal principal, Instant now) {
        store.record(principal.keyId(), epochDay(now), 1);
    }

    /**
     * Returns the usage report of a key.
     *
     * @param principal the caller
     * @param now       the time of the report
     * @return the report
     */
    public AccountUsage usage(Principal principal, Instant now) {
        Allowance rest = quotas.table().allowance(principal.tier(), Feature.REST_REQUEST);
        long dailyLimit = -1;
        if (rest.kind() == Allowance.Kind.WINDOW) {
            // The sliding window admits at most `limit` per window, hence limit * (day / window) per day.
            dailyLimit = Math.multiplyExact(rest.limit(), Duration.ofDays(1).toNanos() / rest.window().toNanos());
        } else if (rest.kind() == Allowance.Kind.DENIED) {
            dailyLimit = 0;
        }
        Allowance ws = quotas.table().allowance(principal.tier(), Feature.WEBSOCKET_STREAM);
        long wsMax = ws.kind() == Allowance.Kind.CONCURRENT ? ws.limit() : ws.kind() == Allowance.Kind.DENIED ? 0 : -1;
        return new AccountUsage(store.requests(principal.keyId(), epochDay(now)), dailyLimit,
                quotas.activeStreams(principal), wsMax, principal.tier(),
                BillingCycle.end(principal.createdAt(), now));
    }

    private static long epochDay(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY);
    }
}
