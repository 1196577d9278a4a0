package io.hfthot.engine.hub.agents;

import java.util.Locale;

/** An agent's lifecycle state, spelled in lower case on the wire. */
public enum AgentStatus {
    /** Ticking. */
    RUNNING,
    /** Stopped by its owner; kept until deleted. */
    STOPPED,
    /** Its loop failed (or its runner process died); the reason says why. */
    FAILED,
    /** Deleted by its owner: kept in the log only, never shown. */
    DELETED;

    /**
     * Returns the wire spelling.
     *
     * @return e.g. {@code running}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the wire spelling.
     *
     * @param wire e.g. {@code running}
     * @return the status
     */
    public static AgentStatus parse(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
