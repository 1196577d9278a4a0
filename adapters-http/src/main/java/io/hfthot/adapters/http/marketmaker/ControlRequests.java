package io.hfthot.adapters.http.marketmaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.adapters.http.ApiException;
import io.hfthot.engine.marketmaker.ParameterUpdate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Decodes seed 003's control bodies strictly: a JSON object, known fields only, each of its type (a float field
 * takes any JSON number, an int field a whole number, a bool field {@code true}/{@code false}; no strings, no
 * nulls). A failure names the field, its value and what is accepted, and nothing is applied.
 */
final class ControlRequests {
    private static final Set<String> PARAMETER_FIELDS = Set.of("spread_offset", "order_size", "max_position",
            "min_liquidity", "is_running");

    private ControlRequests() {
    }

    /** Decodes a {@code BotParams} body. */
    static ParameterUpdate parameters(JsonNode body) {
        requireObject(body, "BotParams");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PARAMETER_FIELDS.contains(name)) {
                throw ApiException.invalid("unknown field '" + name + "'; accepted: spread_offset, order_size, "
                        + "max_position, min_liquidity, is_running");
            }
        }
        return new ParameterUpdate(number(body, "spread_offset"), whole(body, "order_size"),
                whole(body, "max_position"), number(body, "min_liquidity"), bool(body, "is_running"));
    }

    /** Decodes a {@code KillSwitchRequest} body (absent or empty: no reason). */
    static String reason(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return null;
        }
        requireObject(body, "KillSwitchRequest");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (!"reason".equals(e.getKey())) {
                throw ApiException.invalid("unknown field '" + e.getKey() + "'; accepted: reason");
            }
        }
        JsonNode r = body.get("reason");
        if (r == null || r.isNull()) {
            return null;
        }
        if (!r.isTextual()) {
            throw ApiException.invalid("reason must be a string, got " + r);
        }
        if (r.textValue().length() > 1000) {
            throw ApiException.invalid("reason must be at most 1000 characters, got " + r.textValue().length());
        }
        return r.textValue();
    }

    private static void requireObject(JsonNode body, String model) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("the body must be a JSON object (" + model + "), got "
                    + (body == null ? "nothing" : body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static Double number(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw ApiException.invalid(name + " must be a finite number, got " + v);
        }
        return v.doubleValue();
    }

    private static Integer whole(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        // 20.0 is a whole number (pydantic accepts it too); 20.5, 1e20, "20" and null are not.
        if (v.isFloatingPointNumber() && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return (int) d;
        }
        throw ApiException.invalid(name + " must be a whole number, got " + v);
    }

    private static Boolean bool(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.invalid(name + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }
}
