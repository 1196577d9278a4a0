package io.hfthot.engine.marketmaker;

/**
 * A parameter update asking for {@code is_running: true} was refused because an emergency stop took effect while
 * it was in flight: only an update sent after the stop restarts the bot. Nothing was changed.
 */
public final class StopRaceException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened and what to do */
    public StopRaceException(String message) {
        super(message);
    }
}
