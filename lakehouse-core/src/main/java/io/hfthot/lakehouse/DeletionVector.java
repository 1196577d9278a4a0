package io.hfthot.lakehouse;

import java.util.Objects;

/**
 * A Delta deletion vector descriptor ({@code add.deletionVector}): which rows of a data file are deleted without the
 * file being rewritten. Readers apply it; this module reads tables that have them and never writes them.
 *
 * @param storageType    {@code u} (file next to the table, named by a Z85-encoded UUID), {@code i} (inline, Z85) or
 *                       {@code p} (absolute path)
 * @param pathOrInlineDv the encoded location or the inline bytes, as in the log
 * @param offset         where the vector starts inside its file, or null (inline vectors)
 * @param sizeInBytes    serialised size of the bitmap
 * @param cardinality    number of deleted rows
 */
public record DeletionVector(String storageType, String pathOrInlineDv, Integer offset, int sizeInBytes, long cardinality) {
    /** Checks the fields. */
    public DeletionVector {
        Objects.requireNonNull(storageType, "storageType");
        Objects.requireNonNull(pathOrInlineDv, "pathOrInlineDv");
        if (sizeInBytes < 0 || cardinality < 0) {
            throw new IllegalArgumentException("deletion vector size " + sizeInBytes + " and cardinality " + cardinality
                    + " must be >= 0");
        }
    }

    /** The protocol's unique id: storage type, path or inline data, and {@code @offset} when present. */
    public String uniqueId() {
        String id = storageType + pathOrInlineDv;
        return offset == null ? id : id + "@" + offset;
    }
}
