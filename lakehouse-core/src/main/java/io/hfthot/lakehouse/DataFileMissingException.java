package io.hfthot.lakehouse;

/**
 * A snapshot references a data file that is gone from storage, normally because vacuum or an erasure removed it;
 * that version can no longer be read.
 */
public class DataFileMissingException extends LakehouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DataFileMissingException(String message) {
        super(message);
    }
}
