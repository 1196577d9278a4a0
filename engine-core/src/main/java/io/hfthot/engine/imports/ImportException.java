package io.hfthot.engine.imports;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An import that was refused: a bad row (without {@code skipInvalid}), an unreadable file or a file whose
 * columns cannot be mapped. Nothing has been written when this is thrown.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RowProblem problem;
    private final transient Path file;

    /**
     * Creates the exception for a bad row.
     *
     * @param problem the row, field and reason
     */
    public ImportException(RowProblem problem) {
        super(problem.describe());
        this.problem = problem;
        this.file = problem.file();
    }

    /**
     * Creates the exception for a problem with a whole file.
     *
     * @param file    the file
     * @param message what is wrong and what would be accepted
     * @param cause   the underlying error, or {@code null}
     */
    public ImportException(Path file, String message, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + message, cause);
        this.problem = null;
        this.file = file;
    }

    /**
     * Returns the file at fault.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Returns the rejected row, when a single row caused the failure.
     *
     * @return the row problem, empty for a file-level failure
     */
    public Optional<RowProblem> problem() {
        return Optional.ofNullable(problem);
    }
}
