package io.hfthot.lakehouse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column of values of a single {@link DataType}, with a null mask; immutable once built.
 *
 * <p>Primitive values live in a {@code long[]}, {@code double[]} or {@code boolean[]} according to
 * {@link DataType#storage()}, so columnar readers and writers never box. {@link #get(int)} gives the typed value
 * ({@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link Double}, {@link Float}, {@link Boolean},
 * {@link String}, {@code byte[]}, {@link LocalDate}, {@link Instant} or {@link LocalDateTime}).
 */
public final class ColumnVector {
    private final DataType type;
    private final int size;
    private final long[] longs;
    private final double[] doubles;
    private final boolean[] booleans;
    private final Object[] objects;
    private final boolean[] nulls;

    private ColumnVector(DataType type, int size, long[] longs, double[] doubles, boolean[] booleans, Object[] objects,
                         boolean[] nulls) {
        this.type = type;
        this.size = size;
        this.longs = longs;
        this.doubles = doubles;
        this.booleans = booleans;
        this.objects = objects;
        this.nulls = nulls;
    }

    /** A column of a long-stored type (integers, date as epoch days, timestamps as epoch micros); arrays are copied. */
    public static ColumnVector ofLongs(DataType type, long[] values, boolean[] nulls) {
        requireStorage(type, DataType.Storage.LONG);
        return wrapLongs(type, values.clone(), nulls == null ? null : checkMask(nulls.clone(), values.length), values.length);
    }

    /** A column of {@code double} or {@code float} values; arrays are copied. */
    public static ColumnVector ofDoubles(DataType type, double[] values, boolean[] nulls) {
        requireStorage(type, DataType.Storage.DOUBLE);
        return wrapDoubles(type, values.clone(), nulls == null ? null : checkMask(nulls.clone(), values.length), values.length);
    }

    /** A column of booleans; arrays are copied. */
    public static ColumnVector ofBooleans(boolean[] values, boolean[] nulls) {
        return new ColumnVector(DataType.BOOLEAN, values.length, null, null, values.clone(), null,
                nulls == null ? null : checkMask(nulls.clone(), values.length));
    }

    /** A column of strings; {@code null} elements are nulls. */
    public static ColumnVector ofStrings(String[] values) {
        return ofObjects(DataType.STRING, values.clone());
    }

    /** A column of byte arrays; {@code null} elements are nulls; the arrays are not copied. */
    public static ColumnVector ofBinary(byte[][] values) {
        return ofObjects(DataType.BINARY, values.clone());
    }

    /**
     * Wraps arrays without copying, for columnar producers (such as Parquet readers) that hand the arrays over: the
     * caller must not modify them afterwards. {@code nulls} may be null (no nulls); both arrays need at least
     * {@code size} elements.
     */
    public static ColumnVector wrapLongs(DataType type, long[] values, boolean[] nulls, int size) {
        requireStorage(type, DataType.Storage.LONG);
        checkCapacity(values.length, nulls, size);
        return new ColumnVector(type, size, values, null, null, null, nulls);
    }

    /** Wraps arrays without copying; same contract as {@link #wrapLongs}. */
    public static ColumnVector wrapDoubles(DataType type, double[] values, boolean[] nulls, int size) {
        requireStorage(type, DataType.Storage.DOUBLE);
        checkCapacity(values.length, nulls, size);
        return new ColumnVector(type, size, null, values, null, null, nulls);
    }

    /** Wraps arrays without copying; same contract as {@link #wrapLongs}. */
    public static ColumnVector wrapBooleans(boolean[] values, boolean[] nulls, int size) {
        checkCapacity(values.length, nulls, size);
        return new ColumnVector(DataType.BOOLEAN, size, null, null, values, null, nulls);
    }

    private static void checkCapacity(int length, boolean[] nulls, int size) {
        if (size < 0 || length < size || nulls != null && nulls.length < size) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays (values " + length
                    + (nulls == null ? "" : ", nulls " + nulls.length) + ")");
        }
    }

    static ColumnVector ofObjects(DataType type, Object[] values) {
        requireStorage(type, DataType.Storage.OBJECT);
        boolean[] nulls = null;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                if (nulls == null) {
                    nulls = new boolean[values.length];
                }
                nulls[i] = true;
            } else if (type == DataType.STRING && !(values[i] instanceof String)
                    || type == DataType.BINARY && !(values[i] instanceof byte[])
                    || type == DataType.DECIMAL && !(values[i] instanceof java.math.BigDecimal)) {
                throw new IllegalArgumentException("value " + values[i] + " at row " + i + " is not a " + type.deltaName());
            }
        }
        return new ColumnVector(type, values.length, null, null, null, values, nulls);
    }

    /**
     * Builds a column from typed values as returned by {@link #get(int)} (numbers of any width are accepted for
     * numeric types; {@code null} elements are nulls).
     *
     * @throws IllegalArgumentException naming the row and value when a value does not fit the type
     */
    public static ColumnVector of(DataType type, Object... values) {
        int n = values.length;
        switch (type.storage()) {
            case LONG: {
                long[] v = new long[n];
                boolean[] nulls = null;
                for (int i = 0; i < n; i++) {
                    if (values[i] == null) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                    } else {
                        v[i] = toLong(type, values[i], i);
                    }
                }
                return wrapLongs(type, v, nulls, n);
            }
            case DOUBLE: {
                double[] v = new double[n];
                boolean[] nulls = null;
                for (int i = 0; i < n; i++) {
                    if (values[i] == null) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                    } else if (values[i] instanceof Number num) {
                        v[i] = type == DataType.FLOAT ? num.floatValue() : num.doubleValue();
                    } else {
                        throw new IllegalArgumentException("value '" + values[i] + "' at row " + i + " is not a number for type " + type.deltaName());
                    }
                }
                return wrapDoubles(type, v, nulls, n);
            }
            case BOOLEAN: {
                boolean[] v = new boolean[n];
                boolean[] nulls = null;
                for (int i = 0; i < n; i++) {
                    if (values[i] == null) {
                        if (nulls == null) {
                            nulls = new boolean[n];
                        }
                        nulls[i] = true;
                    } else if (values[i] instanceof Boolean b) {
                        v[i] = b;
                    } else {
                        throw new IllegalArgumentException("value '" + values[i] + "' at row " + i + " is not a boolean");
                    }
                }
                return wrapBooleans(v, nulls, n);
            }
            default:
                return ofObjects(type, values.clone());
        }
    }

    /**
     * Converts a typed value to the long representation of a long-stored type.
     *
     * @throws IllegalArgumentException when the value does not fit
     */
    public static long toLong(DataType type, Object value, int row) {
        long v;
        if (type == DataType.DATE && value instanceof LocalDate d) {
            return d.toEpochDay();
        } else if (type == DataType.TIMESTAMP && value instanceof Instant t) {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } else if (type == DataType.TIMESTAMP_NTZ && value instanceof LocalDateTime t) {
            Instant i = t.toInstant(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
        } else {
            throw new IllegalArgumentException("value '" + value + "' at row " + row + " does not fit column type " + type.deltaName());
        }
        long min;
        long max;
        switch (type) {
            case BYTE -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
            case SHORT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
            case INTEGER, DATE -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
            default -> { min = Long.MIN_VALUE; max = Long.MAX_VALUE; }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("value " + v + " at row " + row + " is outside the range of " + type.deltaName());
        }
        return v;
    }

    private static boolean[] checkMask(boolean[] nulls, int n) {
        if (nulls.length != n) {
            throw new IllegalArgumentException("null mask length " + nulls.length + " differs from value count " + n);
        }
        return nulls;
    }

    private static void requireStorage(DataType type, DataType.Storage storage) {
        Objects.requireNonNull(type, "type");
        if (type.storage() != storage) {
            throw new IllegalArgumentException("type " + type.deltaName() + " is stored as " + type.storage() + ", not " + storage);
        }
    }

    /** Returns the column's type. */
    public DataType type() {
        return type;
    }

    /** Returns the number of values. */
    public int size() {
        return size;
    }

    /** Returns whether the value at {@code i} is null. */
    public boolean isNull(int i) {
        Objects.checkIndex(i, size);
        return nulls != null && nulls[i];
    }

    /** Returns whether any value is null. */
    public boolean hasNulls() {
        if (nulls == null) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (nulls[i]) {
                return true;
            }
        }
        return false;
    }

    /** Returns the long representation at {@code i} (meaningless when null). */
    public long getLong(int i) {
        return longs[i];
    }

    /** Returns the double value at {@code i} (meaningless when null). */
    public double getDouble(int i) {
        return doubles[i];
    }

    /** Returns the boolean value at {@code i} (meaningless when null). */
    public boolean getBoolean(int i) {
        return booleans[i];
    }

    /** Returns the string at {@code i}, or null. */
    public String getString(int i) {
        Object o = objects[i];
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) o;
    }

    /** Returns a copy of the bytes at {@code i}, or null. */
    public byte[] getBinary(int i) {
        Object o = objects[i];
        return o == null ? null : o instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ((byte[]) o).clone();
    }

    /** Returns the raw object (String or byte[]) at {@code i} without copying; for this module's writers. */
    Object rawObject(int i) {
        return objects[i];
    }

    /** Returns the typed value at {@code i}, or null. */
    public Object get(int i) {
        if (isNull(i)) {
            return null;
        }
        return switch (type.storage()) {
            case LONG -> valueOf(type, longs[i]);
            case DOUBLE -> type == DataType.FLOAT ? (Object) (float) doubles[i] : (Object) doubles[i];
            case BOOLEAN -> booleans[i];
            case OBJECT -> type == DataType.BINARY ? getBinary(i) : type == DataType.STRING ? getString(i) : objects[i];
        };
    }

    /**
     * Returns the typed value {@link #get} returns for a value of the {@link DataType.Storage#LONG} family held as
     * {@code stored} (an integer, days since the epoch for dates, microseconds for timestamps).
     *
     * @throws IllegalArgumentException when {@code type} is not of that family
     */
    public static Object valueOf(DataType type, long stored) {
        return switch (type) {
            case BYTE -> (byte) stored;
            case SHORT -> (short) stored;
            case INTEGER -> (int) stored;
            case LONG -> stored;
            case DATE -> LocalDate.ofEpochDay(stored);
            case TIMESTAMP -> Instant.ofEpochSecond(Math.floorDiv(stored, 1_000_000L), Math.floorMod(stored, 1_000_000L) * 1000L);
            case TIMESTAMP_NTZ -> LocalDateTime.ofEpochSecond(Math.floorDiv(stored, 1_000_000L),
                    (int) (Math.floorMod(stored, 1_000_000L) * 1000L), ZoneOffset.UTC);
            default -> throw new IllegalArgumentException("type " + type.deltaName() + " is not held as a long");
        };
    }

    /** Returns a new column holding the rows whose indices are given, in that order. */
    public ColumnVector select(int[] rows, int count) {
        boolean[] n = nulls == null ? null : new boolean[count];
        if (n != null) {
            for (int k = 0; k < count; k++) {
                n[k] = nulls[rows[k]];
            }
        }
        switch (type.storage()) {
            case LONG: {
                long[] v = new long[count];
                for (int k = 0; k < count; k++) {
                    v[k] = longs[rows[k]];
                }
                return wrapLongs(type, v, n, count);
            }
            case DOUBLE: {
                double[] v = new double[count];
                for (int k = 0; k < count; k++) {
                    v[k] = doubles[rows[k]];
                }
                return wrapDoubles(type, v, n, count);
            }
            case BOOLEAN: {
                boolean[] v = new boolean[count];
                for (int k = 0; k < count; k++) {
                    v[k] = booleans[rows[k]];
                }
                return wrapBooleans(v, n, count);
            }
            default: {
                Object[] v = new Object[count];
                for (int k = 0; k < count; k++) {
                    v[k] = objects[rows[k]];
                }
                return new ColumnVector(type, count, null, null, null, v, n);
            }
        }
    }

    /** Concatenates columns of the same type. */
    public static ColumnVector concat(DataType type, java.util.List<ColumnVector> parts) {
        int total = 0;
        boolean anyNulls = false;
        for (ColumnVector p : parts) {
            if (p.type != type) {
                throw new IllegalArgumentException("cannot concatenate " + p.type + " into " + type);
            }
            total += p.size;
            anyNulls |= p.nulls != null;
        }
        boolean[] n = anyNulls ? new boolean[total] : null;
        long[] l = type.storage() == DataType.Storage.LONG ? new long[total] : null;
        double[] d = type.storage() == DataType.Storage.DOUBLE ? new double[total] : null;
        boolean[] b = type.storage() == DataType.Storage.BOOLEAN ? new boolean[total] : null;
        Object[] o = type.storage() == DataType.Storage.OBJECT ? new Object[total] : null;
        int at = 0;
        for (ColumnVector p : parts) {
            if (n != null && p.nulls != null) {
                System.arraycopy(p.nulls, 0, n, at, p.size);
            }
            if (l != null) {
                System.arraycopy(p.longs, 0, l, at, p.size);
            } else if (d != null) {
                System.arraycopy(p.doubles, 0, d, at, p.size);
            } else if (b != null) {
                System.arraycopy(p.booleans, 0, b, at, p.size);
            } else {
                System.arraycopy(p.objects, 0, o, at, p.size);
            }
            at += p.size;
        }
        return new ColumnVector(type, total, l, d, b, o, n);
    }

    /** A column of {@code size} nulls (used for columns added by schema evolution after a file was written). */
    public static ColumnVector nulls(DataType type, int size) {
        boolean[] n = new boolean[size];
        Arrays.fill(n, true);
        return switch (type.storage()) {
            case LONG -> wrapLongs(type, new long[size], n, size);
            case DOUBLE -> wrapDoubles(type, new double[size], n, size);
            case BOOLEAN -> wrapBooleans(new boolean[size], n, size);
            case OBJECT -> new ColumnVector(type, size, null, null, null, new Object[size], n);
        };
    }

    /** A column repeating one typed value (or null) {@code size} times (used for partition columns). */
    public static ColumnVector constant(DataType type, Object value, int size) {
        if (value == null) {
            return nulls(type, size);
        }
        return switch (type.storage()) {
            case LONG -> {
                long[] v = new long[size];
                Arrays.fill(v, toLong(type, value, 0));
                yield wrapLongs(type, v, null, size);
            }
            case DOUBLE -> {
                double[] v = new double[size];
                Arrays.fill(v, ((Number) value).doubleValue());
                yield wrapDoubles(type, v, null, size);
            }
            case BOOLEAN -> {
                boolean[] v = new boolean[size];
                Arrays.fill(v, (Boolean) value);
                yield wrapBooleans(v, null, size);
            }
            case OBJECT -> {
                Object[] v = new Object[size];
                Arrays.fill(v, value);
                yield new ColumnVector(type, size, null, null, null, v, null);
            }
        };
    }
}
