package io.hfthot.adapters.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * JSON encoding and decoding with Jackson, turning every decoding problem into an
 * {@link ErrorKind#INVALID_PARAMS} {@link ApiException} that names the problem: line and column for
 * malformed JSON, the field path and accepted fields for the rest.
 *
 * <p>The {@link #standard()} codec uses snake_case property names (the seeds' JSON is snake_case, so
 * a record component {@code orderSize} reads and writes {@code order_size}; {@code @JsonProperty}
 * overrides it), writes {@code java.time} values as ISO-8601 strings, rejects unknown fields and
 * rejects {@code null} for primitive components, and writes doubles with the shortest digits that read
 * back to the same value (Jackson's Schubfach writer). Thread-safe.
 */
public final class JsonCodec {
    private final ObjectMapper mapper;
    private final ObjectWriter streamWriter;

    /**
     * Wraps a configured mapper.
     *
     * @param mapper the mapper; not modified afterwards
     */
    public JsonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.streamWriter = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * Returns the house codec described in the class comment.
     *
     * @return a new codec
     */
    public static JsonCodec standard() {
        return new JsonCodec(JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // 1.5 for an integer field is a client error, not 1 (Jackson truncates by default).
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Schubfach (shortest round-trip digits) instead of JDK 17's Double.toString, which profiled
                // as the largest single cost of number-heavy answers; JDK 19+ prints the same digits.
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build());
    }

    /**
     * Returns the underlying mapper, for surfaces that need tree access.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Encodes a value as UTF-8 JSON.
     *
     * @param value any value Jackson can write
     * @return the bytes
     * @throws IllegalStateException when the value cannot be written (a programming error)
     */
    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Encodes a value as UTF-8 JSON into a stream, with no intermediate array (a response body written
     * into a reused buffer).
     *
     * @param value any value Jackson can write
     * @param out   the stream; written to, flushed, and not closed
     * @throws IOException when the stream fails
     * @throws IllegalStateException when the value cannot be written (a programming error)
     */
    public void encodeTo(Object value, OutputStream out) throws IOException {
        try {
            streamWriter.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Encodes a value as a JSON string (for WebSocket text frames and SSE data).
     *
     * @param value any value Jackson can write
     * @return the JSON text
     */
    public String encodeToString(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Decodes a JSON document.
     *
     * @param json the UTF-8 bytes
     * @param type the target type (records are supported)
     * @param <T>  the target type
     * @return the value, never null
     * @throws ApiException {@link ErrorKind#INVALID_PARAMS} naming the problem
     */
    public <T> T decode(byte[] json, Class<T> type) {
        if (json.length == 0) {
            throw ApiException.invalid("request body is empty; expected a JSON " + describe(type));
        }
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw ApiException.invalid("request body is null; expected a JSON " + describe(type));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(describeProblem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a JSON text (a WebSocket message).
     *
     * @param json the text
     * @param type the target type
     * @param <T>  the target type
     * @return the value
     * @throws ApiException {@link ErrorKind#INVALID_PARAMS} naming the problem
     */
    public <T> T decode(String json, Class<T> type) {
        return decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    private static String describe(Class<?> type) {
        return type.isRecord() || !type.getName().startsWith("java.") ? "object" : "value";
    }

    /** Builds a message that names where and what: Jackson's own messages mention Java types. */
    static String describeProblem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            return "unknown field '" + path(u) + "'; accepted fields: " + known;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null
                && v.getCause().getMessage() != null) {
            return v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return "field '" + path(f) + "' has invalid value '" + f.getValue() + "'; expected "
                    + typeName(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getPath() != null && !m.getPath().isEmpty()) {
            return "field '" + path(m) + "' has the wrong type or is missing; expected "
                    + typeName(m.getTargetType()) + at(m.getLocation());
        }
        if (e instanceof MismatchedInputException m) {
            return "request body has the wrong JSON type; expected " + typeName(m.getTargetType())
                    + at(m.getLocation());
        }
        return "malformed JSON" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage());
    }

    private static String at(JsonLocation loc) {
        return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
