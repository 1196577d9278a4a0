package io.hfthot.engine.events;

/** Why a subscription stopped receiving events. */
public enum CloseReason {
    /** The subscriber closed it (for example because its connection went away). */
    UNSUBSCRIBED,
    /** Its queue was full and its policy is {@link OverflowPolicy#CANCEL}. */
    OVERFLOW,
    /** The bus itself was closed. */
    BUS_CLOSED
}
