package io.hfthot.lakehouse.duckdb.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hfthot.lakehouse.duckdb.ResultColumn;
import io.hfthot.lakehouse.duckdb.SnapshotRead;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Streams a JDBC result into the JSON document of {@code docs/sql.md}:
 * {@code {"columns":[{"name","type"}], "rows":[[...]], "row_count", "truncated", "tables":[...], "elapsed_ms"}}.
 *
 * <p>Values: numbers as JSON numbers (DECIMAL and 128-bit integers exactly, as written by {@link BigDecimal} /
 * {@link BigInteger}); NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 * {@code TIMESTAMP WITH TIME ZONE} as an ISO-8601 UTC instant ({@code 2026-01-15T14:00:00Z}); {@code TIMESTAMP}
 * as an ISO-8601 local date-time, {@code DATE} and {@code TIME} in ISO-8601; {@code BLOB} as base64; nested and
 * other types as DuckDB's text form.
 */
public final class JsonResultWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonResultWriter() {
    }

    /**
     * Writes the whole document for {@code rs} to {@code out}.
     *
     * @param rs         the result, positioned before the first row
     * @param maxRows    rows beyond this are not written and set {@code truncated}
     * @param snapshots  the snapshots the query read (the {@code tables} field)
     * @param elapsedNanos read once, after the rows, for {@code elapsed_ms}
     * @param out        receives the UTF-8 JSON; not closed
     */
    public static EncodedResult write(ResultSet rs, int maxRows, List<SnapshotRead> snapshots, LongSupplier elapsedNanos,
                                      OutputStream out) throws SQLException, IOException {
        List<ResultColumn> columns = ResultColumns.of(rs.getMetaData());
        ValueKind[] kinds = new ValueKind[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ValueKind.of(columns.get(i).type());
        }
        long rows = 0;
        boolean truncated = false;
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("columns");
            for (ResultColumn column : columns) {
                json.writeStartObject();
                json.writeStringField("name", column.name());
                json.writeStringField("type", column.type());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            while (rs.next()) {
                if (rows == maxRows) {
                    truncated = true;
                    break;
                }
                json.writeStartArray();
                for (int i = 0; i < kinds.length; i++) {
                    kinds[i].write(rs, i + 1, json);
                }
                json.writeEndArray();
                rows++;
            }
            json.writeEndArray();
            json.writeNumberField("row_count", rows);
            json.writeBooleanField("truncated", truncated);
            json.writeArrayFieldStart("tables");
            for (SnapshotRead snapshot : snapshots) {
                json.writeStartObject();
                json.writeStringField("table", snapshot.table().toString());
                json.writeNumberField("version", snapshot.version());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("elapsed_ms", Math.round(elapsedNanos.getAsLong() / 10_000.0) / 100.0);
            json.writeEndObject();
        }
        return new EncodedResult(columns, rows, truncated);
    }

    /** How one column's values are written, chosen once per column from its DuckDB type name. */
    private enum ValueKind {
        BOOLEAN {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                boolean value = rs.getBoolean(i);
                if (rs.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
        },
        INTEGER {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                long value = rs.getLong(i);
                if (rs.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
        },
        BIG_INTEGER {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                Object value = rs.getObject(i);
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof BigInteger big) {
                    json.writeNumber(big);
                } else {
                    json.writeNumber(new BigInteger(value.toString()));
                }
            }
        },
        FLOATING {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                double value = rs.getDouble(i);
                if (rs.wasNull()) {
                    json.writeNull();
                } else if (Double.isFinite(value)) {
                    json.writeNumber(value);
                } else {
                    json.writeString(Double.toString(value));
                }
            }
        },
        DECIMAL {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                BigDecimal value = rs.getBigDecimal(i);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
        },
        TIMESTAMP_TZ {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                Object value = rs.getObject(i);
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof OffsetDateTime time) {
                    json.writeString(time.toInstant().toString());
                } else {
                    json.writeString(rs.getString(i)); // infinity and other values outside java.time
                }
            }
        },
        TIMESTAMP {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                Object value = rs.getObject(i);
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof Timestamp time) {
                    json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time.toLocalDateTime()));
                } else if (value instanceof LocalDateTime time) {
                    json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time));
                } else {
                    json.writeString(rs.getString(i));
                }
            }
        },
        DATE_OR_TIME {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                Object value = rs.getObject(i);
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof LocalDate date) {
                    json.writeString(date.toString());
                } else if (value instanceof LocalTime time) {
                    json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
                } else {
                    json.writeString(rs.getString(i));
                }
            }
        },
        BLOB {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                byte[] value = rs.getBytes(i);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(Base64.getEncoder().encodeToString(value));
                }
            }
        },
        TEXT {
            @Override
            void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
                String value = rs.getString(i);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
        };

        abstract void writeValue(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException;

        void write(ResultSet rs, int i, JsonGenerator json) throws SQLException, IOException {
            writeValue(rs, i, json);
        }

        static ValueKind of(String duckDbType) {
            String type = duckDbType.toUpperCase(java.util.Locale.ROOT);
            if (type.startsWith("DECIMAL")) {
                return DECIMAL;
            }
            return switch (type) {
                case "BOOLEAN" -> BOOLEAN;
                case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER" -> INTEGER;
                case "UBIGINT", "HUGEINT", "UHUGEINT" -> BIG_INTEGER;
                case "FLOAT", "DOUBLE" -> FLOATING;
                case "TIMESTAMP WITH TIME ZONE" -> TIMESTAMP_TZ;
                case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> TIMESTAMP;
                case "DATE", "TIME" -> DATE_OR_TIME;
                case "BLOB" -> BLOB;
                default -> TEXT;
            };
        }
    }
}
