package io.hfthot.engine.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful import.
 *
 * @param files          the files read, in order
 * @param symbols        the symbols that received bars, sorted
 * @param rowsRead       data rows read from all files
 * @param rowsImported   bars written
 * @param rowsInvalid    rows skipped as invalid ({@code skipInvalid})
 * @param rowsExisting   rows skipped because their open time was already stored ({@code skipExisting})
 * @param firstBar       the earliest imported open time, empty when nothing was imported
 * @param lastBar        the latest imported open time, empty when nothing was imported
 * @param tableVersion   the {@code market.ohlcv} version after the import (unchanged when nothing was written)
 * @param problems       the first skipped rows with their reasons (at most {@link #MAX_PROBLEMS}); the counts
 *                       above are complete
 */
public record ImportReport(List<Path> files, List<String> symbols, long rowsRead, long rowsImported,
                           long rowsInvalid, long rowsExisting, Optional<Instant> firstBar,
                           Optional<Instant> lastBar, long tableVersion, List<RowProblem> problems) {
    /** How many skipped rows a report lists in full. */
    public static final int MAX_PROBLEMS = 20;

    /** Validates and copies the components. */
    public ImportReport {
        files = List.copyOf(files);
        symbols = List.copyOf(symbols);
        problems = List.copyOf(problems);
        Objects.requireNonNull(firstBar, "firstBar");
        Objects.requireNonNull(lastBar, "lastBar");
        if (rowsImported + rowsInvalid + rowsExisting != rowsRead) {
            throw new IllegalArgumentException("rowsImported + rowsInvalid + rowsExisting (" + rowsImported + " + "
                    + rowsInvalid + " + " + rowsExisting + ") must equal rowsRead " + rowsRead);
        }
    }

    /**
     * Returns the number of rows skipped for any reason.
     *
     * @return invalid plus already stored rows
     */
    public long rowsSkipped() {
        return rowsInvalid + rowsExisting;
    }
}
