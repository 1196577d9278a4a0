package io.hfthot.engine.imports;

/**
 * Receives progress of a running import, for a progress bar.
 *
 * <p>Contract: called on the importing thread only, in order: {@link #started} once, then
 * {@link #advanced} any number of times with non-decreasing values, then {@link #committing} once unless the
 * import fails. Implementations must be cheap (they are called every few thousand rows) and must not throw.
 */
public interface ImportProgress {
    /** A listener that ignores everything. */
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void started(long totalBytes) {
            // ignored
        }

        @Override
        public void advanced(long bytesRead, long rowsRead) {
            // ignored
        }

        @Override
        public void committing(long rows) {
            // ignored
        }
    };

    /**
     * The import starts.
     *
     * @param totalBytes the summed size of all input files
     */
    void started(long totalBytes);

    /**
     * More input has been read and validated.
     *
     * @param bytesRead bytes of all files consumed so far (at most {@code totalBytes})
     * @param rowsRead  data rows read so far, valid or not
     */
    void advanced(long bytesRead, long rowsRead);

    /**
     * Every row is validated; the bars are being written in one commit.
     *
     * @param rows the number of bars being written
     */
    void committing(long rows);
}
