package io.hfthot.adapters.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A route path such as {@code /api/agents/{id}/stop}: literal segments and {@code {name}} parameters,
 * each parameter matching exactly one non-empty segment.
 */
public final class PathPattern {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String pattern;
    private final String[] literals;
    private final String[] params;

    private PathPattern(String pattern, String[] literals, String[] params) {
        this.pattern = pattern;
        this.literals = literals;
        this.params = params;
    }

    /**
     * Parses a pattern.
     *
     * @param pattern starts with {@code /}; segments are literals or {@code {name}}
     * @return the pattern
     * @throws IllegalArgumentException for a malformed pattern or a repeated parameter name
     */
    public static PathPattern parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/', got '" + pattern + "'");
        }
        List<String> segments = PathPattern.split(pattern);
        String[] literals = new String[segments.size()];
        String[] params = new String[segments.size()];
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            var m = PARAM.matcher(s);
            if (m.matches()) {
                if (seen.contains(m.group(1))) {
                    throw new IllegalArgumentException("route pattern '" + pattern + "' repeats parameter {"
                            + m.group(1) + "}");
                }
                seen.add(m.group(1));
                params[i] = m.group(1);
            } else if (s.contains("{") || s.contains("}") || s.isEmpty()) {
                throw new IllegalArgumentException("route pattern '" + pattern + "' has a malformed segment '"
                        + s + "'; use literals or {name} with a Java-identifier name");
            } else {
                literals[i] = s;
            }
        }
        return new PathPattern(pattern, literals, params);
    }

    /**
     * Splits a path into segments, ignoring one trailing slash ({@code /a/b/} equals {@code /a/b}).
     *
     * @param path the path
     * @return the segments; empty for {@code /}
     */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        int start = 1;
        int n = path.length();
        if (n > 1 && path.charAt(n - 1) == '/') {
            n--;
        }
        while (start <= n && n > 1) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 || slash > n ? n : slash;
            out.add(path.substring(start, end));
            start = end + 1;
        }
        return out;
    }

    /**
     * Returns the segments: the literal text, or null where a parameter stands.
     *
     * @return a copy of the literal array
     */
    String[] literals() {
        return literals.clone();
    }

    /**
     * Matches decoded path segments.
     *
     * @param segments the request's decoded segments
     * @return the parameters by name, or null when the path does not match
     */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != literals.length) {
            return null;
        }
        Map<String, String> values = null;
        for (int i = 0; i < literals.length; i++) {
            String seg = segments.get(i);
            if (literals[i] != null) {
                if (!literals[i].equals(seg)) {
                    return null;
                }
            } else {
                if (seg.isEmpty()) {
                    return null;
                }
                if (values == null) {
                    values = new LinkedHashMap<>(4);
                }
                values.put(params[i], seg);
            }
        }
        return values == null ? Map.of() : values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern p && shape().equals(p.shape());
    }

    @Override
    public int hashCode() {
        return shape().hashCode();
    }

    /** Two patterns that differ only in parameter names match the same paths. */
    private String shape() {
        StringBuilder sb = new StringBuilder();
        for (String l : literals) {
            sb.append('/').append(l == null ? "{}" : l);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
