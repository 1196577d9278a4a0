package io.hfthot.lakehouse.duckdb.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps Delta Lake primitive type names to DuckDB type names. */
public final class DeltaTypes {

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("string", "VARCHAR"),
            Map.entry("long", "BIGINT"),
            Map.entry("integer", "INTEGER"),
            Map.entry("short", "SMALLINT"),
            Map.entry("byte", "TINYINT"),
            Map.entry("float", "FLOAT"),
            Map.entry("double", "DOUBLE"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("binary", "BLOB"),
            Map.entry("date", "DATE"),
            // Delta "timestamp" is adjusted to UTC (Parquet isAdjustedToUTC=true), which DuckDB reads as TIMESTAMPTZ.
            Map.entry("timestamp", "TIMESTAMPTZ"),
            Map.entry("timestamp_ntz", "TIMESTAMP"));

    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})\\s*\\)");

    private DeltaTypes() {
    }

    /**
     * The DuckDB type for a Delta primitive type name.
     *
     * @throws IllegalArgumentException naming the type and the accepted ones
     */
    public static String toDuckDb(String deltaType) {
        if (deltaType == null) {
            throw new IllegalArgumentException("column type must not be null");
        }
        String key = deltaType.trim().toLowerCase(Locale.ROOT);
        String duck = PRIMITIVES.get(key);
        if (duck != null) {
            return duck;
        }
        Matcher decimal = DECIMAL.matcher(key);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = Integer.parseInt(decimal.group(2));
            if (precision >= 1 && precision <= 38 && scale <= precision) {
                return "DECIMAL(" + precision + "," + scale + ")";
            }
        }
        throw new IllegalArgumentException("column type \"" + deltaType + "\" is not a supported Delta primitive type; accepted: "
                + new java.util.TreeSet<>(PRIMITIVES.keySet()) + " and decimal(p,s) with 1 <= p <= 38, 0 <= s <= p");
    }
}
