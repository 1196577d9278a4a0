package io.hfthot.lakehouse;

/**
 * Outcome of a write.
 *
 * @param version      the committed version, or the unchanged current version when nothing needed committing
 * @param committed    whether a new version was written
 * @param addedFiles   data files added
 * @param removedFiles data files removed
 * @param rowsWritten  rows written into new files
 * @param rowsRemoved  rows removed (delete, overwrite, erase)
 */
public record CommitResult(long version, boolean committed, int addedFiles, int removedFiles, long rowsWritten, long rowsRemoved) {
}
