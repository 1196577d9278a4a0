package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.DeletionVector;
import io.hfthot.lakehouse.storage.LocalLogStore;
import java.nio.file.Path;

/** Test access to {@link DeletedRows}' package-private decoding. */
public final class DeletedRowsAccess {
    private DeletedRowsAccess() {
    }

    /** Z85-decodes to {@code length} bytes. */
    public static byte[] z85Decode(String text, int length) {
        return DeletedRows.z85Decode(text, length, "test");
    }

    /** Returns the serialised bitmap of an on-disk ({@code u}) deletion vector, checksum verified. */
    public static byte[] storedBitmap(Path tableRoot, String pathOrInlineDv, int offset, int size) {
        return DeletedRows.storedBitmap(new LocalLogStore(), tableRoot, new DeletionVector("u", pathOrInlineDv, offset, size, 0), "test");
    }
}
