package io.hfthot.engine.imports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One rejected input row: where it is, which field is wrong, the offending value and why.
 *
 * @param file   the input file
 * @param line   the 1-based line of a CSV file (the header is line 1), or the 1-based row of a Parquet file
 * @param field  the field at fault, as the importer names it ({@code ts}, {@code open}, ..., {@code symbol}),
 *               or {@code row} when the row as a whole is malformed
 * @param value  the offending text or value as read ({@code ""} when missing)
 * @param reason what is wrong and what would be accepted
 */
public record RowProblem(Path file, long line, String field, String value, String reason) {
    /** Validates the components. */
    public RowProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /**
     * Formats the problem for a person: {@code file:line: field 'value': reason}.
     *
     * @return one line of text
     */
    public String describe() {
        return file + ":" + line + ": field " + field + " '" + value + "': " + reason;
    }
}
