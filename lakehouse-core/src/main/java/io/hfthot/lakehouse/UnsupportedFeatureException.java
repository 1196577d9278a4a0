package io.hfthot.lakehouse;

/** The table needs a Delta feature this module does not implement; the feature is named in {@link #feature()}. */
public class UnsupportedFeatureException extends LakehouseException {
    private static final long serialVersionUID = 1L;
    private final String feature;

    /**
     * Creates the exception.
     *
     * @param feature the feature, e.g. {@code deletionVectors}
     * @param detail  what is supported instead
     */
    public UnsupportedFeatureException(String feature, String detail) {
        super("unsupported Delta feature '" + feature + "': " + detail);
        this.feature = feature;
    }

    /** Returns the name of the unsupported feature. */
    public String feature() {
        return feature;
    }
}
