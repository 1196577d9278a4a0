package io.hfthot.engine.usage;

/**
 * Per-subject, per-UTC-day request counters.
 *
 * <p>Contract: {@link #add} is atomic and returns the total after the addition, also under concurrent
 * calls for one subject; {@link #requests} reads a total (0 when nothing was recorded); days are
 * independent (a new day starts at 0). Totals never decrease. Thread-safe. A persisted store must keep
 * totals across a restart; it may batch writes (write-behind) as long as {@link #requests} sees its own
 * unflushed additions.
 */
public interface UsageStore {
    /**
     * Adds to a subject's request count for a day.
     *
     * @param subject  the subject (a key id)
     * @param epochDay the UTC day ({@code LocalDate.toEpochDay()})
     * @param delta    the amount to add, at least 0
     * @return the total for that subject and day after the addition
     */
    long add(String subject, long epochDay, long delta);

    /**
     * Adds to a subject's request count for a day when the caller does not need the total (the per-request
     * path). The default is {@link #add}; a store whose {@code add} costs a round trip to a shared server
     * overrides it to batch additions, which it must never lose silently: it refuses (throws) rather than
     * accept an addition it could not deliver.
     *
     * @param subject  the subject (a key id)
     * @param epochDay the UTC day ({@code LocalDate.toEpochDay()})
     * @param delta    the amount to add, at least 0
     */
    default void record(String subject, long epochDay, long delta) {
        add(subject, epochDay, delta);
    }

    /**
     * Reads a subject's request count for a day.
     *
     * @param subject  the subject
     * @param epochDay the UTC day
     * @return the total, 0 when none
     */
    long requests(String subject, long epochDay);
}
