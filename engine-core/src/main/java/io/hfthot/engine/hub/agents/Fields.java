package io.hfthot.engine.hub.agents;

import io.hfthot.engine.EngineException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads typed values out of a decoded JSON object, refusing with the field's wire name, the value and what is accepted. */
final class Fields {
    private Fields() {
    }

    static void onlyKnown(Map<String, ?> fields, Set<String> known, String where) {
        for (String k : fields.keySet()) {
            if (!known.contains(k)) {
                throw EngineException.invalid(k, where + " has no field '" + k + "'; accepted: " + new TreeSet<>(known));
            }
        }
    }

    static String string(Map<String, ?> fields, String name, String fallback) {
        Object v = fields.get(name);
        if (v == null) {
            if (fallback == null) {
                throw EngineException.invalid(name, name + " is required");
            }
            return fallback;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw EngineException.invalid(name, name + " must be a non-empty string, got " + v);
        }
        return s;
    }

    static boolean bool(Map<String, ?> fields, String name, boolean fallback) {
        Object v = fields.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw EngineException.invalid(name, name + " must be true or false, got " + v);
        }
        return b;
    }

    static int integer(Map<String, ?> fields, String name, int fallback, int min, int max) {
        Object v = fields.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
                || n.doubleValue() > max) {
            throw EngineException.invalid(name, name + " must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return n.intValue();
    }

    /** A finite number in the open-closed range {@code (min, max]}. */
    static double number(Map<String, ?> fields, String name, double fallback, double min, double max) {
        Object v = fields.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() <= min
                || n.doubleValue() > max) {
            throw EngineException.invalid(name, name + " must be a number in (" + min + ", " + max + "], got " + v);
        }
        return n.doubleValue();
    }
}
