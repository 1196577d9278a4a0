package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.DeletionVector;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import org.roaringbitmap.RoaringBitmap;

/**
 * The rows a deletion vector deletes, read as the Delta protocol defines them ("Deletion Vector Format"):
 *
 * <ul>
 *   <li>storage {@code u}: the file {@code <prefix>/deletion_vector_<uuid>.bin} under the table root, where the
 *       last 20 characters of {@code pathOrInlineDv} are the UUID in Z85 and the rest is the prefix; {@code p}: an
 *       absolute URI; both hold, at {@code offset}, a big-endian int32 size, the serialised bitmap and a big-endian
 *       CRC-32 of it (the file starts with a format version byte, 1);</li>
 *   <li>storage {@code i}: the serialised bitmap itself, Z85-encoded in {@code pathOrInlineDv};</li>
 *   <li>the serialised bitmap is a "RoaringBitmapArray": magic 1681511377 (little-endian int32), the number of
 *       bitmaps (little-endian int64), then per bitmap its key (the high 32 bits of the row indexes, little-endian
 *       int32) and a 32-bit RoaringBitmap in the portable format, read with the RoaringBitmap library.</li>
 * </ul>
 * This was checked against Delta Kernel's reading of the golden tables (see {@code DeltaCoverageTest}).
 */
public final class DeletedRows {
    private static final int MAGIC = 1681511377;
    private static final String Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final int[] Z85_DECODE = new int[128];

    static {
        java.util.Arrays.fill(Z85_DECODE, -1);
        for (int i = 0; i < Z85.length(); i++) {
            Z85_DECODE[Z85.charAt(i)] = i;
        }
    }

    private final Map<Integer, RoaringBitmap> byKey;

    private DeletedRows(Map<Integer, RoaringBitmap> byKey) {
        this.byKey = byKey;
    }

    /** Tells whether the row at a 0-based index of the data file is deleted. */
    public boolean contains(long row) {
        RoaringBitmap b = byKey.get((int) (row >>> 32));
        return b != null && b.contains((int) row);
    }

    /**
     * Loads a deletion vector.
     *
     * @param describe names the table and file in errors
     * @throws LakehouseException when the vector is missing, corrupt or of an unknown storage type
     */
    public static DeletedRows load(LogStore store, Path tableRoot, DeletionVector dv, String describe) {
        byte[] bitmap = switch (dv.storageType()) {
            case "i" -> z85Decode(dv.pathOrInlineDv(), dv.sizeInBytes(), describe);
            case "u" -> storedBitmap(store, tableRoot, dv, describe);
            case "p" -> fromFile(store, Path.of(URI.create(dv.pathOrInlineDv())), dv, describe);
            default -> throw new UnsupportedFeatureException("deletionVectors storage type '" + dv.storageType() + "'",
                    describe + " has a deletion vector stored as '" + dv.storageType() + "'; known types are u, i and p");
        };
        DeletedRows rows = parse(bitmap, describe);
        if (rows.cardinality() != dv.cardinality()) {
            throw new LakehouseException(describe + ": deletion vector " + dv.uniqueId() + " holds " + rows.cardinality()
                    + " rows but the log says " + dv.cardinality());
        }
        return rows;
    }

    /** Reads the serialised bitmap of an on-disk ({@code u}) vector, checking its size and CRC-32. */
    static byte[] storedBitmap(LogStore store, Path tableRoot, DeletionVector dv, String describe) {
        return fromFile(store, relativeFile(tableRoot, dv.pathOrInlineDv(), describe), dv, describe);
    }

    private long cardinality() {
        long n = 0;
        for (RoaringBitmap b : byKey.values()) {
            n += b.getLongCardinality();
        }
        return n;
    }

    private static Path relativeFile(Path tableRoot, String encoded, String describe) {
        if (encoded.length() < 20) {
            throw new LakehouseException(describe + ": deletion vector path '" + encoded + "' is shorter than a Z85 UUID");
        }
        String prefix = encoded.substring(0, encoded.length() - 20);
        byte[] b = z85Decode(encoded.substring(encoded.length() - 20), 16, describe);
        ByteBuffer bb = ByteBuffer.wrap(b);
        UUID uuid = new UUID(bb.getLong(), bb.getLong());
        String name = "deletion_vector_" + uuid + ".bin";
        return prefix.isEmpty() ? tableRoot.resolve(name) : tableRoot.resolve(prefix).resolve(name);
    }

    private static byte[] fromFile(LogStore store, Path file, DeletionVector dv, String describe) {
        byte[] all;
        try {
            all = store.read(file);
        } catch (NoSuchFileException e) {
            throw new LakehouseException(describe + ": deletion vector file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new LakehouseException(describe + ": cannot read deletion vector file " + file + ": " + e.getMessage(), e);
        }
        int offset = dv.offset() == null ? 1 : dv.offset();
        if (all.length < 1 || all[0] != 1 || offset + 8L + dv.sizeInBytes() > all.length) {
            throw new LakehouseException(describe + ": deletion vector file " + file + " is not format version 1 or is too"
                    + " short for offset " + offset + " and size " + dv.sizeInBytes());
        }
        ByteBuffer bb = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        int size = bb.getInt(offset);
        if (size != dv.sizeInBytes()) {
            throw new LakehouseException(describe + ": deletion vector in " + file + " at offset " + offset + " has size "
                    + size + ", the log says " + dv.sizeInBytes());
        }
        byte[] bitmap = java.util.Arrays.copyOfRange(all, offset + 4, offset + 4 + size);
        CRC32 crc = new CRC32();
        crc.update(bitmap);
        if ((int) crc.getValue() != bb.getInt(offset + 4 + size)) {
            throw new LakehouseException(describe + ": deletion vector in " + file + " at offset " + offset
                    + " fails its CRC-32 check");
        }
        return bitmap;
    }

    private static DeletedRows parse(byte[] bytes, String describe) {
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (bb.getInt() != MAGIC) {
                throw new LakehouseException(describe + ": deletion vector does not start with the RoaringBitmapArray magic number");
            }
            long n = bb.getLong();
            Map<Integer, RoaringBitmap> byKey = new HashMap<>();
            for (long i = 0; i < n; i++) {
                int key = bb.getInt();
                RoaringBitmap b = new RoaringBitmap();
                b.deserialize(bb.slice().order(ByteOrder.LITTLE_ENDIAN));
                bb.position(bb.position() + b.serializedSizeInBytes());
                byKey.put(key, b);
            }
            return new DeletedRows(byKey);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LakehouseException le) {
                throw le;
            }
            throw new LakehouseException(describe + ": corrupt deletion vector: " + e.getMessage(), e);
        }
    }

    /** Decodes Z85 (ZeroMQ base 85): 5 characters per 4 bytes, big-endian; the output is cut to {@code length}. */
    static byte[] z85Decode(String text, int length, String describe) {
        if (text.length() % 5 != 0) {
            throw new LakehouseException(describe + ": Z85 text of length " + text.length() + " is not a multiple of 5");
        }
        byte[] out = new byte[text.length() / 5 * 4];
        for (int i = 0, o = 0; i < text.length(); i += 5, o += 4) {
            long v = 0;
            for (int k = 0; k < 5; k++) {
                char c = text.charAt(i + k);
                int d = c < 128 ? Z85_DECODE[c] : -1;
                if (d < 0) {
                    throw new LakehouseException(describe + ": '" + c + "' is not a Z85 character");
                }
                v = v * 85 + d;
            }
            out[o] = (byte) (v >>> 24);
            out[o + 1] = (byte) (v >>> 16);
            out[o + 2] = (byte) (v >>> 8);
            out[o + 3] = (byte) v;
        }
        if (length > out.length) {
            throw new LakehouseException(describe + ": Z85 text holds " + out.length + " bytes, " + length + " expected");
        }
        return java.util.Arrays.copyOf(out, length);
    }
}
