package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.NestedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps Delta Lake types to DuckDB types: primitive names, {@code decimal(p,s)}, and nested types written as Spark
 * writes them in DDL ({@code struct<`a`:long,`b`:string>}, {@code array<long>}, {@code map<string,double>}, nested
 * to any depth), which become DuckDB's {@code STRUCT("a" BIGINT, "b" VARCHAR)}, {@code BIGINT[]} and
 * {@code MAP(VARCHAR, DOUBLE)}.
 */
public final class DeltaTypes {

    private static final Map<String, String> PRIMITIVES = Map.ofEntries(
            Map.entry("string", "VARCHAR"),
            Map.entry("long", "BIGINT"),
            Map.entry("integer", "INTEGER"),
            Map.entry("short", "SMALLINT"),
            Map.entry("byte", "TINYINT"),
            Map.entry("float", "FLOAT"),
            Map.entry("double", "DOUBLE"),
            Map.entry("boolean", "BOOLEAN"),
            Map.entry("binary", "BLOB"),
            Map.entry("date", "DATE"),
            // Delta "timestamp" is adjusted to UTC (Parquet isAdjustedToUTC=true), which DuckDB reads as TIMESTAMPTZ.
            Map.entry("timestamp", "TIMESTAMPTZ"),
            Map.entry("timestamp_ntz", "TIMESTAMP"));

    private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})\\s*\\)");

    private DeltaTypes() {
    }

    /**
     * The Delta type string of a column, nested shapes included, in the form {@link #toDuckDb} reads: struct field
     * names in backticks (a backtick inside doubled), since Delta allows {@code :}, {@code <} and {@code >} in them.
     */
    public static String typeString(Field field) {
        NestedType shape = field.nested();
        if (shape == null) {
            return field.type().deltaName();
        }
        if (shape instanceof NestedType.Struct s) {
            List<String> fields = new ArrayList<>();
            for (Field f : s.fields()) {
                fields.add("`" + f.name().replace("`", "``") + "`:" + typeString(f));
            }
            return "struct<" + String.join(",", fields) + ">";
        }
        if (shape instanceof NestedType.Array a) {
            return "array<" + typeString(a.element()) + ">";
        }
        NestedType.Map m = (NestedType.Map) shape;
        return "map<" + typeString(m.key()) + "," + typeString(m.value()) + ">";
    }

    /**
     * The DuckDB type for a Delta type string: a primitive name, {@code decimal(p,s)}, or a nested type as
     * {@link #typeString} writes it (struct field names may also be left unquoted when they hold none of
     * {@code : , < >} and no backtick).
     *
     * @throws IllegalArgumentException naming the type and the accepted ones
     */
    public static String toDuckDb(String deltaType) {
        if (deltaType == null) {
            throw new IllegalArgumentException("column type must not be null");
        }
        Parser p = new Parser(deltaType);
        String duck = p.type();
        if (p.pos != deltaType.length()) {
            throw p.invalid();
        }
        return duck;
    }

    private static String primitive(String name, String whole) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        String duck = PRIMITIVES.get(key);
        if (duck != null) {
            return duck;
        }
        Matcher decimal = DECIMAL.matcher(key);
        if (decimal.matches()) {
            int precision = Integer.parseInt(decimal.group(1));
            int scale = Integer.parseInt(decimal.group(2));
            if (precision >= 1 && precision <= 38 && scale <= precision) {
                return "DECIMAL(" + precision + "," + scale + ")";
            }
        }
        throw new IllegalArgumentException("column type \"" + whole + "\" is not a supported Delta type" + (name.equals(whole) ? "" : " (at \"" + name + "\")")
                + "; accepted: " + new java.util.TreeSet<>(PRIMITIVES.keySet()) + ", decimal(p,s) with 1 <= p <= 38, 0 <= s <= p,"
                + " and struct<name:type,...>, array<type>, map<type,type> of those");
    }

    /** Recursive descent over one type string. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        String type() {
            skipSpaces();
            if (take("struct<")) {
                List<String> fields = new ArrayList<>();
                do {
                    skipSpaces();
                    String name = name();
                    skipSpaces();
                    expect(':');
                    fields.add(quote(name) + " " + type());
                    skipSpaces();
                } while (take(","));
                expect('>');
                return "STRUCT(" + String.join(", ", fields) + ")";
            }
            if (take("array<")) {
                String element = type();
                skipSpaces();
                expect('>');
                return element + "[]";
            }
            if (take("map<")) {
                String key = type();
                skipSpaces();
                expect(',');
                String value = type();
                skipSpaces();
                expect('>');
                return "MAP(" + key + ", " + value + ")";
            }
            int start = pos;
            int depth = 0;
            // a primitive runs to the next separator outside decimal's parentheses
            while (pos < text.length() && (depth > 0 || ",<>".indexOf(text.charAt(pos)) < 0)) {
                char c = text.charAt(pos++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            return primitive(text.substring(start, pos), text);
        }

        private String name() {
            if (take("`")) {
                StringBuilder b = new StringBuilder();
                while (true) {
                    if (pos >= text.length()) {
                        throw invalid();
                    }
                    char c = text.charAt(pos++);
                    if (c == '`') {
                        if (!take("`")) {
                            return b.toString();
                        }
                    }
                    b.append(c);
                }
            }
            int start = pos;
            while (pos < text.length() && ":,<>`".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw invalid();
            }
            return text.substring(start, pos).trim();
        }

        private static String quote(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }

        private boolean take(String token) {
            if (text.regionMatches(true, pos, token, 0, token.length())) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw invalid();
            }
            pos++;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        IllegalArgumentException invalid() {
            return new IllegalArgumentException("column type \"" + text + "\" is not a valid Delta type at character " + pos
                    + "; nested types are written struct<name:type,...>, array<type>, map<type,type>");
        }
    }
}
