package io.hfthot.engine.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a file's column names onto the bar fields. Names are compared case-insensitively and without spaces,
 * underscores or hyphens ({@code Open Time}, {@code open_time} and {@code openTime} are the same). When several
 * columns match one field, the alias listed first wins ({@code ts} over {@code timestamp} over {@code time} over
 * {@code open_time} over {@code datetime} over {@code date}); unknown columns are ignored.
 */
final class Columns {
    /** A bar field and the column names accepted for it. */
    enum Role {
        /** The bar's open time. */
        TS("ts", "ts", "timestamp", "time", "opentime", "datetime", "date"),
        /** Open price. */
        OPEN("open", "open", "o"),
        /** High price. */
        HIGH("high", "high", "h"),
        /** Low price. */
        LOW("low", "low", "l"),
        /** Close price. */
        CLOSE("close", "close", "c"),
        /** Traded volume. */
        VOLUME("volume", "volume", "vol", "v"),
        /** The trading pair. */
        SYMBOL("symbol", "symbol", "ticker", "pair", "instrument");

        private final String field;
        private final List<String> aliases;

        Role(String field, String... aliases) {
            this.field = field;
            this.aliases = List.of(aliases);
        }

        /** The field name used in error messages. */
        String field() {
            return field;
        }
    }

    private final Map<Role, Integer> index;

    private Columns(Map<Role, Integer> index) {
        this.index = index;
    }

    /**
     * Maps a header.
     *
     * @param file           the file, for error messages
     * @param names          the column names in file order
     * @param symbolRequired whether the file must have a symbol column (no symbol was given)
     * @return the mapping
     * @throws ImportException naming the missing field, the columns found and the accepted names
     */
    static Columns map(Path file, List<String> names, boolean symbolRequired) {
        List<String> normalized = new ArrayList<>(names.size());
        for (String name : names) {
            normalized.add(normalize(name));
        }
        Map<Role, Integer> index = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            for (String alias : role.aliases) {
                int at = normalized.indexOf(alias);
                if (at >= 0) {
                    index.put(role, at);
                    break;
                }
            }
            boolean required = role != Role.SYMBOL || symbolRequired;
            if (required && !index.containsKey(role)) {
                throw new ImportException(file, "no column for " + role.field + (role == Role.SYMBOL
                        ? " (and no --symbol given)" : "") + "; columns found: " + names
                        + "; accepted names: " + role.aliases + " (any case, spaces/underscores ignored)", null);
            }
        }
        return new Columns(index);
    }

    /**
     * Returns the column position of a field.
     *
     * @param role the field
     * @return the 0-based column, or -1 when the file has no such column
     */
    int indexOf(Role role) {
        return index.getOrDefault(role, -1);
    }

    /**
     * Returns the highest mapped column position.
     *
     * @return the 0-based position
     */
    int maxIndex() {
        return index.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            // A UTF-8 byte order mark survives into the first header name of files saved by spreadsheet tools.
            if (c != ' ' && c != '_' && c != '-' && c != '\uFEFF' && c != '"') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
