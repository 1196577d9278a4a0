package io.hfthot.engine.market;

/**
 * How much history {@link SimulatedMarket} generates at start-up, and at which granularity. Every layer
 * ends where the next finer one begins (at UTC midnight, {@code n} days before the start day), and the
 * intervals between layers are aggregated from the finer ones:
 * <pre>
 *   [today - oneDayDays,     today - oneHourDays)     1d bars, simulated at a one-day step
 *   [today - oneHourDays,    today - fiveMinuteDays)  1h bars, simulated at a one-hour step (-> 1d)
 *   [today - fiveMinuteDays, today - oneMinuteDays)   5m bars, simulated at a five-minute step (-> 15m, 1h, 1d)
 *   [today - oneMinuteDays,  tick start)              1m bars, simulated at a one-minute step (-> all coarser)
 *   [tick start, now ...)                             trade ticks (-> 1m and all coarser), then live
 * </pre>
 * where {@code tick start} is {@code tickWarmupMinutes} before the start time. So intervals from 1m up
 * exist for the last {@code oneMinuteDays}, 5m and up for {@code fiveMinuteDays}, 1h and up for
 * {@code oneHourDays} and 1d for {@code oneDayDays}. A layer with equal bounds is empty.
 *
 * @param oneMinuteDays     days of 1m history, {@code >= 1}
 * @param fiveMinuteDays    days of 5m history, {@code >= oneMinuteDays}
 * @param oneHourDays       days of 1h history, {@code >= fiveMinuteDays}
 * @param oneDayDays        days of 1d history, {@code >= oneHourDays}, at most 36500
 * @param tickWarmupMinutes minutes of tick history before the start time, in [1, 1440]
 */
public record HistoryPlan(int oneMinuteDays, int fiveMinuteDays, int oneHourDays, int oneDayDays,
                          int tickWarmupMinutes) {
    /** Validates the ordering of the layers. */
    public HistoryPlan {
        if (oneMinuteDays < 1) {
            throw new IllegalArgumentException("oneMinuteDays must be >= 1, got " + oneMinuteDays);
        }
        if (fiveMinuteDays < oneMinuteDays) {
            throw new IllegalArgumentException("fiveMinuteDays must be >= oneMinuteDays (" + oneMinuteDays
                    + "), got " + fiveMinuteDays);
        }
        if (oneHourDays < fiveMinuteDays) {
            throw new IllegalArgumentException("oneHourDays must be >= fiveMinuteDays (" + fiveMinuteDays
                    + "), got " + oneHourDays);
        }
        if (oneDayDays < oneHourDays || oneDayDays > 36_500) {
            throw new IllegalArgumentException("oneDayDays must be in [oneHourDays (" + oneHourDays
                    + "), 36500], got " + oneDayDays);
        }
        if (tickWarmupMinutes < 1 || tickWarmupMinutes > 1440) {
            throw new IllegalArgumentException("tickWarmupMinutes must be in [1, 1440], got " + tickWarmupMinutes);
        }
    }

    /**
     * Returns the default plan, sized for the tier history depths: 30 days of 1m (Free Beta depth at full
     * resolution), 1 year of 5m (Hobbyist), 5 years of 1h (Professional), 10 years of 1d (Enterprise) and
     * one hour of ticks.
     *
     * @return the default plan
     */
    public static HistoryPlan defaults() {
        return new HistoryPlan(30, 365, 5 * 365 + 1, 10 * 365 + 2, 60);
    }

    /**
     * Returns a small plan for tests and demos: 3 days of 1m, 20 of 5m, 90 of 1h, 400 of 1d, 30 minutes
     * of ticks.
     *
     * @return a small plan
     */
    public static HistoryPlan small() {
        return new HistoryPlan(3, 20, 90, 400, 30);
    }
}
