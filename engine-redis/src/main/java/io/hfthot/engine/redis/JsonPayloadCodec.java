package io.hfthot.engine.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PayloadCodec} writing JSON prefixed with a registered type name ({@code name '\n' json}). Only
 * registered classes are read back: text from Redis never chooses an arbitrary class to instantiate.
 * Records (the engine's stream messages) round-trip through their components; {@code java.time} types are
 * supported.
 */
public final class JsonPayloadCodec implements PayloadCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Map<Class<?>, String> names;
    private final Map<String, Class<?>> classes;

    private JsonPayloadCodec(Map<String, Class<?>> registered) {
        this.classes = Map.copyOf(registered);
        Map<Class<?>, String> byClass = new HashMap<>();
        registered.forEach((name, type) -> byClass.put(type, name));
        this.names = Map.copyOf(byClass);
    }

    /**
     * Starts a codec that carries strings, boxed numbers, booleans and primitive arrays.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder().register("string", String.class).register("int", Integer.class)
                .register("long", Long.class).register("double", Double.class).register("boolean", Boolean.class)
                .register("int[]", int[].class).register("long[]", long[].class)
                .register("double[]", double[].class);
    }

    @Override
    public String encode(String topic, Object payload) {
        Objects.requireNonNull(payload, "payload");
        String name = names.get(payload.getClass());
        if (name == null) {
            throw new IllegalArgumentException("payload type " + payload.getClass().getName() + " on topic '" + topic
                    + "' is not registered with the Redis event codec; registered: " + classes.keySet());
        }
        try {
            return name + '\n' + MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of type " + name + " on topic '" + topic
                    + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object decode(String topic, String text) {
        int cut = text.indexOf('\n');
        Class<?> type = cut < 0 ? null : classes.get(text.substring(0, cut));
        if (type == null) {
            String head = text.substring(0, Math.min(text.length(), 64));
            throw new IllegalArgumentException("event on topic '" + topic + "' has no registered type name: '" + head
                    + "'; registered: " + classes.keySet());
        }
        try {
            return MAPPER.readValue(text.substring(cut + 1), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event on topic '" + topic + "' is not a valid " + type.getName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Registers the payload classes a codec carries. */
    public static final class Builder {
        private final Map<String, Class<?>> registered = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers a class under a name that every replica must use for it.
         *
         * @param name the wire name, non-blank, without line breaks
         * @param type the exact class of payloads (subclasses are not matched)
         * @return this builder
         */
        public Builder register(String name, Class<?> type) {
            if (name == null || name.isBlank() || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("codec type name must be non-blank without line breaks, got '"
                        + name + "'");
            }
            Objects.requireNonNull(type, "type");
            if (registered.containsValue(type) || registered.containsKey(name)) {
                throw new IllegalArgumentException("codec type " + name + " / " + type.getName() + " registered twice");
            }
            registered.put(name, type);
            return this;
        }

        /**
         * Builds the codec.
         *
         * @return the codec
         */
        public JsonPayloadCodec build() {
            return new JsonPayloadCodec(registered);
        }
    }
}
