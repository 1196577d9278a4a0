package io.hfthot.engine.hti.ideas;

/**
 * What the generator sees of one instrument on one timeframe at a pass.
 *
 * @param instrument  the instrument
 * @param timeframe   the timeframe
 * @param closes      closes of the last closed bars, oldest first (not copied: callers hand over the array)
 * @param lastBarTime open time of the last closed bar, Unix ms
 * @param lastPrice   last traded price
 * @param regime      the most probable regime's wire name
 * @param confidence  its posterior probability
 */
public record Observation(String instrument, Timeframe timeframe, double[] closes, long lastBarTime, double lastPrice,
                          String regime, double confidence) {
    /**
     * Returns the key of the idea slot this observation feeds.
     *
     * @return {@code instrument|timeframe}
     */
    public String key() {
        return key(instrument, timeframe);
    }

    /**
     * Returns the key of an idea slot.
     *
     * @param instrument the instrument
     * @param timeframe  the timeframe
     * @return {@code instrument|timeframe}
     */
    public static String key(String instrument, Timeframe timeframe) {
        return instrument + "|" + timeframe.name();
    }
}
