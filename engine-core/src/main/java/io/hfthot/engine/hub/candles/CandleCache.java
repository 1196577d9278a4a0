package io.hfthot.engine.hub.candles;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 004's candle cache: answers from memory while an entry is younger than the staleness tolerance (60 s),
 * calls the {@link CandleProvider} within a sliding-window budget (8 calls per 60 s) and, over budget, answers a
 * miss with the stale entry (flagged) or refuses with {@code RATE_LIMITED} when it has none. {@link #refreshHottest}
 * (run by the hub's scheduler) spends spare budget on the entries requested most often in the last
 * {@link #HOT_WINDOW} that are about to go stale, hottest first, and keeps {@link #RESERVE} calls for misses.
 *
 * <p>Every provider call of both paths goes through one {@link ProviderBudget} under this object's lock, so the
 * budget holds whatever the mix of requests and refreshes. The lock is held during the provider call: with 8 calls
 * a minute, serializing them costs nothing and keeps two requests from fetching the same key. Thread-safe.
 */
public final class CandleCache {
    /** Seed 004's staleness tolerance. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    /** Seed 004's provider budget: calls per {@link #BUDGET_WINDOW}. */
    public static final int BUDGET = 8;
    /** The budget's sliding window. */
    public static final Duration BUDGET_WINDOW = Duration.ofSeconds(60);
    /** Calls the scheduler leaves unspent, for cache misses. */
    public static final int RESERVE = 2;
    /** How far back request counts make an entry hot. */
    public static final Duration HOT_WINDOW = Duration.ofMinutes(5);
    /** Candles kept per entry. */
    public static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(CandleCache.class);

    private final CandleProvider provider;
    private final InstantSource clock;
    private final ProviderBudget budget;
    private final Duration refreshLead;
    private final Map<Key, Entry> entries = new HashMap<>();

    private record Key(String symbol, Interval interval) {
    }

    private static final class Entry {
        private List<Bar> candles;
        private Instant fetchedAt;
        private final List<Instant> requests = new ArrayList<>();
    }

    /**
     * Creates the cache.
     *
     * @param provider    where candles come from
     * @param clock       the time source
     * @param refreshLead how long before going stale the scheduler refreshes an entry (its period is a good value)
     */
    public CandleCache(CandleProvider provider, InstantSource clock, Duration refreshLead) {
        this.provider = provider;
        this.clock = clock;
        this.budget = new ProviderBudget(BUDGET, BUDGET_WINDOW);
        this.refreshLead = refreshLead;
    }

    /**
     * Returns candles ({@code GET /api/market/candles}).
     *
     * @param symbol    the pair, {@code BTC/USDT} or {@code BTC-USDT}
     * @param timeframe {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d}
     * @return the candles, possibly stale (flagged)
     * @throws EngineException {@code INVALID_PARAMS} for an unknown symbol or timeframe (no budget spent),
     *                         {@code RATE_LIMITED} on a miss over budget, {@code SERVICE_UNAVAILABLE} when the
     *                         provider fails and nothing is cached
     */
    public synchronized CandleResult get(String symbol, String timeframe) {
        Key key = key(symbol, timeframe);
        Instant now = clock.instant();
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        e.requests.add(now);
        prune(e, now);
        if (e.fetchedAt != null && age(e, now).compareTo(STALE_AFTER) < 0) {
            return new CandleResult(e.candles, age(e, now), false);
        }
        if (budget.tryAcquire(now)) {
            try {
                fetch(key, e, now);
                return new CandleResult(e.candles, Duration.ZERO, false);
            } catch (RuntimeException ex) {
                LOG.warn("candle provider failed for {} {}", key.symbol, key.interval.label(), ex);
                if (e.fetchedAt == null) {
                    throw new EngineException(ErrorCode.SERVICE_UNAVAILABLE, null, null, "the candle provider failed"
                            + " and nothing is cached for " + symbol + " " + timeframe + "; retry later", ex);
                }
                return new CandleResult(e.candles, age(e, now), true);
            }
        }
        if (e.fetchedAt != null) {
            return new CandleResult(e.candles, age(e, now), true);
        }
        throw new EngineException(ErrorCode.RATE_LIMITED, null, null, "the candle provider budget (" + BUDGET
                + " calls per " + BUDGET_WINDOW.toSeconds() + " s) is spent and nothing is cached for " + symbol + " "
                + timeframe + "; retry in " + retryAfterSeconds() + " s", null);
    }

    /**
     * Returns the whole seconds until the provider budget admits a call (at least 1 when it admits none now).
     *
     * @return seconds for a {@code Retry-After} header
     */
    public synchronized long retryAfterSeconds() {
        Duration d = budget.untilNext(clock.instant());
        return d.isZero() ? 0 : Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /**
     * Refreshes, hottest first, the requested entries that go stale within the refresh lead, spending the budget
     * above {@link #RESERVE}.
     *
     * @return the number of provider calls made
     */
    public synchronized int refreshHottest() {
        Instant now = clock.instant();
        List<Map.Entry<Key, Entry>> due = new ArrayList<>();
        for (Map.Entry<Key, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            prune(e, now);
            if (!e.requests.isEmpty() && (e.fetchedAt == null
                    || age(e, now).plus(refreshLead).compareTo(STALE_AFTER) >= 0)) {
                due.add(me);
            }
        }
        due.sort(Comparator.comparingInt((Map.Entry<Key, Entry> me) -> me.getValue().requests.size()).reversed());
        int calls = 0;
        for (Map.Entry<Key, Entry> me : due) {
            if (budget.remaining(now) <= RESERVE || !budget.tryAcquire(now)) {
                break;
            }
            calls++;
            try {
                fetch(me.getKey(), me.getValue(), now);
            } catch (RuntimeException ex) {
                LOG.warn("candle refresh failed for {} {}", me.getKey().symbol, me.getKey().interval.label(), ex);
            }
        }
        return calls;
    }

    private Key key(String symbol, String timeframe) {
        if (symbol == null || symbol.isBlank()) {
            throw EngineException.invalid("symbol", "symbol is required, e.g. BTC/USDT");
        }
        String market = symbol.replace('/', '-').toUpperCase(Locale.ROOT);
        if (!provider.symbols().contains(market)) {
            throw EngineException.invalid("symbol", "symbol '" + symbol + "' is not served; served: "
                    + provider.symbols().stream().map(s -> s.replace('-', '/')).toList());
        }
        if (timeframe == null) {
            throw EngineException.invalid("timeframe", "timeframe is required, e.g. 1h");
        }
        try {
            return new Key(market, Interval.parse(timeframe));
        } catch (EngineException e) {
            throw EngineException.invalid("timeframe", e.getMessage().replace("interval", "timeframe"));
        }
    }

    private void fetch(Key key, Entry e, Instant now) {
        e.candles = List.copyOf(provider.candles(key.symbol, key.interval, LIMIT));
        e.fetchedAt = now;
    }

    private void prune(Entry e, Instant now) {
        Instant cutoff = now.minus(HOT_WINDOW);
        e.requests.removeIf(t -> t.isBefore(cutoff));
    }

    private static Duration age(Entry e, Instant now) {
        return Duration.between(e.fetchedAt, now);
    }
}
