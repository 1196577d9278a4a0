package io.hfthot.lakehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of a vacuum.
 *
 * @param deletedFiles files deleted from storage
 * @param keptFiles    number of data files still on disk (live or within retention)
 */
public record VacuumResult(List<Path> deletedFiles, int keptFiles) {
    /** Copies the list. */
    public VacuumResult {
        deletedFiles = List.copyOf(deletedFiles);
    }
}
