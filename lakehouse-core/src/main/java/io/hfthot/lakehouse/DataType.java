package io.hfthot.lakehouse;

import java.util.Locale;

/**
 * Delta primitive column types this module reads and writes, named as in the Delta {@code schemaString}.
 *
 * <p>Values of the {@link Storage#LONG} family are held as {@code long}: integers as themselves, {@code date}
 * as days since 1970-01-01 and both timestamp types as microseconds since the epoch.
 */
public enum DataType {
    /** {@code boolean}. */
    BOOLEAN("boolean", Storage.BOOLEAN),
    /** {@code byte}: 8-bit signed integer. */
    BYTE("byte", Storage.LONG),
    /** {@code short}: 16-bit signed integer. */
    SHORT("short", Storage.LONG),
    /** {@code integer}: 32-bit signed integer. */
    INTEGER("integer", Storage.LONG),
    /** {@code long}: 64-bit signed integer. */
    LONG("long", Storage.LONG),
    /** {@code float}: 32-bit IEEE 754. */
    FLOAT("float", Storage.DOUBLE),
    /** {@code double}: 64-bit IEEE 754. */
    DOUBLE("double", Storage.DOUBLE),
    /** {@code string}: UTF-8 text. */
    STRING("string", Storage.OBJECT),
    /** {@code binary}: raw bytes. */
    BINARY("binary", Storage.OBJECT),
    /** {@code date}: days since 1970-01-01. */
    DATE("date", Storage.LONG),
    /** {@code timestamp}: microseconds since the epoch, UTC-adjusted. */
    TIMESTAMP("timestamp", Storage.LONG),
    /** {@code timestamp_ntz}: microseconds of a local date-time (readable; needs reader feature timestampNtz). */
    TIMESTAMP_NTZ("timestamp_ntz", Storage.LONG),
    /**
     * {@code decimal(p,s)}, read only: values are {@link java.math.BigDecimal}s at the scale stored in each data file
     * (precision and scale stay in the table schema); tables with decimal columns are not written by this module.
     */
    DECIMAL("decimal", Storage.OBJECT),
    /**
     * {@code struct}, read only: a value is an unmodifiable {@code Map<String, Object>} from field name to value, in
     * the schema's field order; the fields are described by {@link Field#nested()}.
     */
    STRUCT("struct", Storage.OBJECT),
    /** {@code array}, read only: a value is an unmodifiable {@code List<Object>} (elements may be null when allowed). */
    ARRAY("array", Storage.OBJECT),
    /** {@code map}, read only: a value is an unmodifiable {@code Map<Object, Object>} in file order. */
    MAP("map", Storage.OBJECT);

    /** How values of a type are held in a {@link ColumnVector}. */
    public enum Storage {
        /** {@code long[]}. */
        LONG,
        /** {@code double[]}. */
        DOUBLE,
        /** {@code boolean[]}. */
        BOOLEAN,
        /** {@code Object[]} holding {@link String} or {@code byte[]}. */
        OBJECT
    }

    private final String deltaName;
    private final Storage storage;

    DataType(String deltaName, Storage storage) {
        this.deltaName = deltaName;
        this.storage = storage;
    }

    /** Returns the name used in the Delta schema JSON, e.g. {@code "long"}. */
    public String deltaName() {
        return deltaName;
    }

    /** Returns how values of this type are held in memory. */
    public Storage storage() {
        return storage;
    }

    /** Returns whether this is {@link #STRUCT}, {@link #ARRAY} or {@link #MAP}. */
    public boolean isNested() {
        return this == STRUCT || this == ARRAY || this == MAP;
    }

    /**
     * Parses a Delta primitive type name.
     *
     * @throws UnsupportedFeatureException for nested types and anything else this module does not read
     */
    public static DataType fromDeltaName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.matches("decimal\\(\\s*\\d+\\s*,\\s*\\d+\\s*\\)")) {
            return DECIMAL;
        }
        for (DataType t : values()) {
            if (!t.isNested() && t.deltaName.equals(n)) {
                return t;
            }
        }
        throw new UnsupportedFeatureException("column type " + name,
                "supported types: boolean, byte, short, integer, long, float, double, string, binary, date, timestamp, timestamp_ntz, decimal(p,s) (read only)");
    }
}
