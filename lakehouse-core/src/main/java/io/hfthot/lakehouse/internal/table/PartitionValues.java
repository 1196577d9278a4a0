package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.LakehouseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Encodes partition values as the Delta log stores them (strings) and decodes them back to typed values.
 *
 * <p>Protocol: dates are {@code yyyy-MM-dd}; timestamps {@code yyyy-MM-dd HH:mm:ss[.SSSSSS]} (UTC for
 * {@code timestamp}) or ISO-8601 with an offset; binary is the string of its bytes; null is JSON null.
 */
public final class PartitionValues {
    private static final DateTimeFormatter TS = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter TS_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private PartitionValues() {
    }

    /** Encodes the value of row {@code i} of a column; null for a null value. */
    public static String encode(ColumnVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        return switch (v.type()) {
            case TIMESTAMP -> TS_OUT.format(LocalDateTime.ofInstant((Instant) v.get(i), ZoneOffset.UTC));
            case TIMESTAMP_NTZ -> TS_OUT.format((LocalDateTime) v.get(i));
            case BINARY -> new String(v.getBinary(i), StandardCharsets.ISO_8859_1);
            case DECIMAL -> ((java.math.BigDecimal) v.get(i)).toPlainString();
            default -> String.valueOf(v.get(i));
        };
    }

    /**
     * Decodes a partition value string to a typed value (see {@link ColumnVector#get(int)}).
     *
     * @throws LakehouseException naming the column and value when it does not parse
     */
    public static Object decode(DataType type, String column, String value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (type) {
                case BOOLEAN -> Boolean.parseBoolean(value);
                case BYTE -> Byte.parseByte(value);
                case SHORT -> Short.parseShort(value);
                case INTEGER -> Integer.parseInt(value);
                case LONG -> Long.parseLong(value);
                case FLOAT -> Float.parseFloat(value);
                case DOUBLE -> Double.parseDouble(value);
                case STRING -> value;
                case BINARY -> value.getBytes(StandardCharsets.ISO_8859_1);
                case DATE -> LocalDate.parse(value);
                case TIMESTAMP -> value.contains("T")
                        ? OffsetDateTime.parse(value).toInstant()
                        : LocalDateTime.parse(value, TS).toInstant(ZoneOffset.UTC);
                case TIMESTAMP_NTZ -> value.contains("T") ? LocalDateTime.parse(value) : LocalDateTime.parse(value, TS);
                case DECIMAL -> new java.math.BigDecimal(value);
                case STRUCT, ARRAY, MAP -> throw new LakehouseException("column '" + column + "' of type " + type.deltaName()
                        + " cannot be a partition column");
            };
        } catch (RuntimeException e) {
            throw new LakehouseException("partition value '" + value + "' of column '" + column + "' is not a valid " + type.deltaName(), e);
        }
    }
}
