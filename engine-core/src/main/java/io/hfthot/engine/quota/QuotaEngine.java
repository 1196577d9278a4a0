package io.hfthot.engine.quota;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a principal may use a feature now, from the {@link QuotaTable}, a {@link RateLimiter}
 * for windowed limits and a {@link StreamLimiter} for concurrent streams.
 *
 * <p><b>Per key and per account.</b> Seed 000 enforces limits per API key; a key also belongs to an account
 * ({@link Principal#ownerId()}), and every key an account mints shares the account's windows, so minting keys
 * never multiplies a quota. One bucket per account serves both: the REST bucket is the account id itself,
 * other windowed features use {@code accountId|feature}, and stream slots are counted per account. A call is
 * admitted iff the account's bucket holds fewer than the <em>calling key's</em> tier limit. Because a key's
 * events are a subset of its account's events, this implies the per-key limit of seed 000, so no separate
 * per-key bucket is kept. When an account holds keys of several tiers, each key may spend only while the
 * account as a whole is under that key's tier limit (a Free key of a Professional account stops at 60
 * requests per minute of the whole account). The engine holds no lock of its own; its cost is a table lookup
 * plus the limiter's per-bucket work. Thread-safe.
 */
public final class QuotaEngine {
    private static final Feature[] FEATURES = Feature.values();

    private final QuotaTable table;
    private final RateLimiter limiter;
    private final StreamLimiter streams;
    private final String[] bucketSuffix = new String[FEATURES.length];
    /** Each (tier, feature) refusal message, built once so a 429 allocates no text; the reset is in the headers. */
    private final String[][] rateLimitedMessage = new String[Tier.values().length][FEATURES.length];

    /**
     * Creates the engine.
     *
     * @param table   what each tier may do
     * @param limiter the sliding-window limiter
     * @param streams the stream counter
     */
    public QuotaEngine(QuotaTable table, RateLimiter limiter, StreamLimiter streams) {
        if (table == null || limiter == null || streams == null) {
            throw new IllegalArgumentException("table, limiter and streams must not be null");
        }
        this.table = table;
        this.limiter = limiter;
        this.streams = streams;
        for (Feature feature : FEATURES) {
            bucketSuffix[feature.ordinal()] = feature == Feature.REST_REQUEST ? "" : "|" + feature.id();
            for (Tier tier : Tier.values()) {
                rateLimitedMessage[tier.ordinal()][feature.ordinal()] = "Rate limit reached: "
                        + table.allowance(tier, feature).describe() + " for " + feature.displayName() + " on the "
                        + tier.displayName() + " tier, shared by every key of the account; retry at the time given by"
                        + " X-RateLimit-Reset.";
            }
        }
    }

    /**
     * Returns the limiter holding the engine's windows (other account-wide windows, such as key creations,
     * share it so that one snapshot saves them all).
     *
     * @return the limiter
     */
    public RateLimiter limiter() {
        return limiter;
    }

    /**
     * Returns the table the engine applies.
     *
     * @return the table
     */
    public QuotaTable table() {
        return table;
    }

    /**
     * Decides one use of a feature, recording it against windowed limits when allowed.
     *
     * <p>For {@link Feature#WEBSOCKET_STREAM} this only reports whether a stream could be opened; use
     * {@link #openStream} to hold a slot.
     *
     * @param principal the authenticated caller
     * @param feature   the feature
     * @param now       the time of the call
     * @return the decision
     */
    public QuotaDecision decide(Principal principal, Feature feature, Instant now) {
        Allowance allowance = table.allowance(principal.tier(), feature);
        switch (allowance.kind()) {
            case UNLIMITED:
                return QuotaDecision.allowedUnmetered(feature);
            case DENIED:
                return tierRequired(principal.tier(), feature);
            case CONCURRENT:
                int active = streams.active(principal.ownerId());
                long nowSecond = TimeMath.ceilEpochSecond(TimeMath.epochNanos(now));
                if (active < allowance.limit()) {
                    return new QuotaDecision(QuotaDecision.Outcome.ALLOWED, feature, allowance.limit(),
                            allowance.limit() - active, nowSecond, null, "");
                }
                return streamsExhausted(principal.tier(), allowance.limit(), nowSecond);
            default:
                RateLimitResult r = limiter.tryAcquire(bucket(principal, feature), allowance.limit(),
                        allowance.window(), now);
                if (r.allowed()) {
                    return new QuotaDecision(QuotaDecision.Outcome.ALLOWED, feature, r.limit(), r.remaining(),
                            r.resetEpochSecond(), null, "");
                }
                return new QuotaDecision(QuotaDecision.Outcome.RATE_LIMITED, feature, r.limit(), 0,
                        r.resetEpochSecond(), null,
                        rateLimitedMessage[principal.tier().ordinal()][feature.ordinal()]);
        }
    }

    /**
     * Reports the state of a windowed feature without recording a use (for usage pages).
     *
     * @param principal the caller
     * @param feature   a feature whose allowance for the caller's tier is a window
     * @param now       the time of the report
     * @return the limiter's report, or empty when the feature is not windowed for this tier
     */
    public Optional<RateLimitResult> peek(Principal principal, Feature feature, Instant now) {
        Allowance allowance = table.allowance(principal.tier(), feature);
        if (allowance.kind() != Allowance.Kind.WINDOW) {
            return Optional.empty();
        }
        return Optional.of(limiter.peek(bucket(principal, feature), allowance.limit(), allowance.window(), now));
    }

    /**
     * Opens a WebSocket (or other long-lived) stream, holding a slot until the lease is closed.
     *
     * @param principal the caller
     * @param now       the time of the call
     * @return the decision and, when allowed, the lease
     */
    public StreamGrant openStream(Principal principal, Instant now) {
        Allowance allowance = table.allowance(principal.tier(), Feature.WEBSOCKET_STREAM);
        if (allowance.kind() == Allowance.Kind.DENIED) {
            return new StreamGrant(tierRequired(principal.tier(), Feature.WEBSOCKET_STREAM), null);
        }
        boolean limited = allowance.kind() == Allowance.Kind.CONCURRENT;
        int max = limited ? (int) Math.min(Integer.MAX_VALUE, allowance.limit()) : Integer.MAX_VALUE;
        long nowSecond = TimeMath.ceilEpochSecond(TimeMath.epochNanos(now));
        Optional<StreamLease> lease = streams.tryOpen(principal.ownerId(), max);
        if (lease.isEmpty()) {
            return new StreamGrant(streamsExhausted(principal.tier(), max, nowSecond), null);
        }
        if (!limited) {
            return new StreamGrant(QuotaDecision.allowedUnmetered(Feature.WEBSOCKET_STREAM), lease.get());
        }
        long remaining = Math.max(0, max - streams.active(principal.ownerId()));
        return new StreamGrant(new QuotaDecision(QuotaDecision.Outcome.ALLOWED, Feature.WEBSOCKET_STREAM, max,
                remaining, nowSecond, null, ""), lease.get());
    }

    /**
     * Returns the number of streams the principal's account holds open (over all its keys).
     *
     * @param principal the caller
     * @return open streams of the account
     */
    public int activeStreams(Principal principal) {
        return streams.active(principal.ownerId());
    }

    /**
     * Returns the earliest instant a tier may read at {@code now} (seed 000's historical depth).
     *
     * @param tier the tier
     * @param now  the current time
     * @return the earliest readable instant ({@link Instant#MIN} when unbounded)
     */
    public Instant earliestAllowed(Tier tier, Instant now) {
        return table.earliestAllowed(tier, now);
    }

    /**
     * Decides whether a history query may start at {@code start}.
     *
     * @param principal the caller
     * @param start     the earliest instant the query asks for
     * @param now       the current time
     * @return allowed, or {@code TIER_REQUIRED} naming the lowest tier that reaches {@code start}
     */
    public QuotaDecision historyFrom(Principal principal, Instant start, Instant now) {
        Instant earliest = table.earliestAllowed(principal.tier(), now);
        if (!start.isBefore(earliest)) {
            return QuotaDecision.allowedUnmetered(null);
        }
        Tier tier = principal.tier();
        Tier needed = table.lowestTierReaching(start, now).orElse(null);
        String neededText = needed == null ? "no tier reaches that far"
                : "requires the " + needed.displayName() + " tier or higher ("
                        + table.historicalDepth(needed).describe() + " of history)";
        return new QuotaDecision(QuotaDecision.Outcome.TIER_REQUIRED, null, -1, -1, -1, needed,
                "Historical data from " + start + " " + neededText + "; the " + tier.displayName()
                        + " tier reaches back " + table.historicalDepth(tier).describe() + ", to " + earliest + ".");
    }

    private String bucket(Principal principal, Feature feature) {
        String suffix = bucketSuffix[feature.ordinal()];
        return suffix.isEmpty() ? principal.ownerId() : principal.ownerId().concat(suffix);
    }

    private QuotaDecision tierRequired(Tier tier, Feature feature) {
        Tier needed = table.lowestTierWith(feature).orElse(null);
        String neededText = needed == null ? "is not offered on any tier"
                : "requires the " + needed.displayName() + " tier or higher";
        return new QuotaDecision(QuotaDecision.Outcome.TIER_REQUIRED, feature, -1, -1, -1, needed,
                feature.displayName() + " " + neededText + "; this API key is on the " + tier.displayName()
                        + " tier.");
    }

    private static QuotaDecision streamsExhausted(Tier tier, long max, long nowSecond) {
        return new QuotaDecision(QuotaDecision.Outcome.RATE_LIMITED, Feature.WEBSOCKET_STREAM, max, 0, nowSecond,
                null, "Stream limit reached: the " + tier.displayName() + " tier allows " + max
                        + " concurrent WebSocket streams per account (over all its keys); close one before opening another.");
    }
}
