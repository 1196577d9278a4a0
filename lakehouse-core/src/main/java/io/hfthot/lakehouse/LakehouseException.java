package io.hfthot.lakehouse;

/** Base class of every error this module reports to users; the message names the table, value and what is accepted. */
public class LakehouseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public LakehouseException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public LakehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
