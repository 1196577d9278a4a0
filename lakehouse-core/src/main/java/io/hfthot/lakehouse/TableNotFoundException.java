package io.hfthot.lakehouse;

/** The named table, or the requested version or timestamp of it, does not exist. */
public class TableNotFoundException extends LakehouseException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TableNotFoundException(String message) {
        super(message);
    }
}
