package io.hfthot.lakehouse;

/**
 * Outcome of an {@code OPTIMIZE} (bin-packing compaction).
 *
 * @param version          the committed version, or the current version when nothing was committed
 * @param committed        whether an {@code OPTIMIZE} commit was written
 * @param removedFiles     small files replaced
 * @param addedFiles       compacted files written
 * @param removedBytes     bytes of the replaced files
 * @param addedBytes       bytes of the compacted files
 * @param partitions       partitions (value combinations) that were compacted
 * @param skippedConflicts attempts given up because a concurrent commit removed a file being compacted; when every
 *                         attempt was, nothing is committed and the next run picks the files up again
 */
public record OptimizeResult(long version, boolean committed, int removedFiles, int addedFiles, long removedBytes,
                             long addedBytes, int partitions, int skippedConflicts) {
}
