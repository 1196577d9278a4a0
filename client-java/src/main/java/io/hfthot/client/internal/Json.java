package io.hfthot.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hfthot.client.HfthotException;
import java.io.IOException;

/**
 * The SDK's one JSON mapper: record components in camelCase are seed 000's snake_case fields. Unknown fields
 * are ignored, so a server that adds a field does not break older clients.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // The backtest's Sortino ratio is +Infinity when no day lost; Jackson writes it as a bare token.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    /**
     * Encodes a value.
     *
     * @param value the value
     * @return its JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes a server answer.
     *
     * @param body the JSON
     * @param type the record type
     * @param <T>  the type
     * @return the value
     * @throws HfthotException when the body is not that type's JSON
     */
    public static <T> T read(String body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new HfthotException("the server's answer is not a " + type.getSimpleName() + ": " + abbreviate(body), e);
        }
    }

    /**
     * Parses JSON into a tree, or returns null when it is not JSON.
     *
     * @param body the text
     * @return the tree, or null
     */
    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Converts a tree into a record.
     *
     * @param node the tree
     * @param type the record type
     * @param <T>  the type
     * @return the value
     */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new HfthotException("the server's message is not a " + type.getSimpleName() + ": " + node, e);
        }
    }

    /**
     * Shortens a body for an error message.
     *
     * @param body the body
     * @return at most 200 characters of it
     */
    public static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
