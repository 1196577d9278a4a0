package io.hfthot.lakehouse.internal.table;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data file naming and the conversion between {@code add.path} (a URI reference, relative to the table) and paths.
 *
 * <p>Partition directories are Hive-style {@code col=value} with Hive's escaping of special characters
 * ({@code %XX}); the log then URI-encodes the relative path, so a {@code :} in a value is {@code %3A} on disk and
 * {@code %253A} in the log, as Spark writes it.
 */
public final class FilePaths {
    /** Directory name Hive and Delta use for a null partition value. */
    public static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private FilePaths() {
    }

    /** A fresh relative data file path (decoded, as on disk) under the partition directories. */
    public static String newDataFile(List<String> partitionColumns, Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (String c : partitionColumns) {
            String v = values.get(c);
            sb.append(hiveEscape(c)).append('=').append(v == null ? NULL_PARTITION : hiveEscape(v)).append('/');
        }
        sb.append("part-00000-").append(UUID.randomUUID()).append(".c000.snappy.parquet");
        return sb.toString();
    }

    /** Escapes characters Hive escapes in partition directory names. */
    static String hiveEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || "\"#%'*/:=?\\\u007F{[]^".indexOf(ch) >= 0) {
                sb.append('%').append(String.format("%02X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** URI-encodes a relative path for {@code add.path}. */
    public static String toLogPath(String relative) {
        try {
            return new URI(null, null, relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot encode data file path '" + relative + "'", e);
        }
    }

    /** Resolves an {@code add.path} against the table root (absolute {@code file:} URIs are accepted). */
    public static Path resolve(Path tableRoot, String logPath) {
        try {
            URI uri = new URI(logPath);
            if (uri.isAbsolute()) {
                return Paths.get(uri);
            }
            return tableRoot.resolve(uri.getPath());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return tableRoot.resolve(logPath);
        }
    }
}
