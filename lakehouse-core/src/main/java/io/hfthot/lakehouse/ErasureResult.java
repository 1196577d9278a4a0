package io.hfthot.lakehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * Outcome of erasing a data subject.
 *
 * @param version        the {@code ERASE} commit (the audit record), or the current version when no row matched
 * @param subjectSha256  SHA-256 (hex) of the subject value, as recorded in the audit record
 * @param rowsRemoved    rows removed from the latest version
 * @param rewrittenFiles live files rewritten without the subject's rows
 * @param purgedFiles    files deleted from storage because they held the subject's rows (current and older versions)
 */
public record ErasureResult(long version, String subjectSha256, long rowsRemoved, int rewrittenFiles, List<Path> purgedFiles) {
    /** Copies the list. */
    public ErasureResult {
        purgedFiles = List.copyOf(purgedFiles);
    }
}
