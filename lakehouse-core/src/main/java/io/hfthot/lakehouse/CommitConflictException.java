package io.hfthot.lakehouse;

/**
 * A commit lost to a concurrent commit that logically conflicts with it (or retries ran out); nothing was committed.
 * Re-read the table and try again.
 */
public class CommitConflictException extends LakehouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CommitConflictException(String message) {
        super(message);
    }
}
