package io.hfthot.lakehouse.duckdb.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the syntax tree DuckDB's own parser returns ({@code json_serialize_sql}) and collects the lakehouse
 * table references in it.
 *
 * <p>Why the parser's tree and not only tokens: DuckDB decides what is a table reference (comma joins,
 * subqueries, CTEs, LATERAL, PIVOT), and {@code json_serialize_sql} refuses anything but SELECT statements.
 * The rules: exactly one statement; every table reference is a {@code schema.table} lakehouse name, a CTE
 * name, a subquery, a join, {@code VALUES}, or one of a few generating table functions
 * ({@code range}, {@code generate_series}, {@code unnest}); so {@code read_csv}, {@code read_parquet},
 * {@code glob}, {@code read_text}, {@code query}, replacement scans such as {@code FROM '/etc/passwd'} and
 * DuckDB's own {@code AT (VERSION => n)} are refused.
 */
public final class SyntaxTreeInspector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> ALLOWED_TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
    private static final Set<String> REFUSED_REF_TYPES = Set.of("SHOW_REF", "COLUMN_DATA", "DELIM_GET", "BOUND_TABLE_REF", "INVALID", "CTE");
    private static final Set<String> TABLE_REF_TYPES = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EMPTY", "EXPRESSION_LIST",
            "PIVOT", "TABLE_FUNCTION");
    // Scalar functions that reveal the server's configuration (paths included).
    private static final Set<String> REFUSED_SCALAR_FUNCTIONS = Set.of("current_setting", "getenv");

    private SyntaxTreeInspector() {
    }

    /**
     * Inspects the output of {@code json_serialize_sql} for one query.
     *
     * @return the lakehouse table references, in tree order
     * @throws InvalidQueryException for a syntax error
     * @throws QueryRejectedException for anything the sandbox refuses
     */
    public static List<AstTableRef> inspect(String serializedJson) {
        JsonNode root;
        try {
            root = JSON.readTree(serializedJson);
        } catch (JsonProcessingException e) {
            throw new QueryExecutionException("could not read DuckDB's syntax tree", e);
        }
        if (root.path("error").asBoolean(false)) {
            String type = root.path("error_type").asText("");
            String message = root.path("error_message").asText("");
            if ("parser".equals(type)) {
                throw new InvalidQueryException("SQL syntax error: " + message);
            }
            throw new QueryRejectedException("only a single SELECT or WITH statement is allowed (DuckDB: " + message + ")");
        }
        JsonNode statements = root.path("statements");
        if (statements.size() != 1) {
            throw new QueryRejectedException("only one statement is allowed, found " + statements.size());
        }
        Set<String> cteNames = new HashSet<>();
        collectCteNames(statements, cteNames);
        List<AstTableRef> refs = new ArrayList<>();
        walk(statements.get(0), cteNames, refs);
        return refs;
    }

    private static void collectCteNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode map = node.path("cte_map").path("map");
            for (JsonNode entry : map) {
                names.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode child : node) {
            collectCteNames(child, names);
        }
    }

    private static void walk(JsonNode node, Set<String> cteNames, List<AstTableRef> refs) {
        if (node.isObject()) {
            if (node.has("class")) {
                checkExpression(node);
            } else if (node.has("type") && node.get("type").isTextual()) {
                checkTableRef(node, cteNames, refs);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                walk(fields.next().getValue(), cteNames, refs);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                walk(child, cteNames, refs);
            }
        }
    }

    private static void checkExpression(JsonNode node) {
        if ("FUNCTION".equals(node.path("class").asText())) {
            String name = node.path("function_name").asText().toLowerCase(Locale.ROOT);
            if (REFUSED_SCALAR_FUNCTIONS.contains(name)) {
                throw new QueryRejectedException("function " + name + "() is not allowed: it reveals the server's configuration");
            }
        }
    }

    private static void checkTableRef(JsonNode node, Set<String> cteNames, List<AstTableRef> refs) {
        String type = node.get("type").asText();
        if (REFUSED_REF_TYPES.contains(type)) {
            throw new QueryRejectedException("table reference of kind " + type
                    + " is not allowed (SUMMARIZE, DESCRIBE and SHOW are refused): select from schema.table names");
        }
        if (!TABLE_REF_TYPES.contains(type)) {
            return; // a query node or a modifier, not a table reference
        }
        if ("TABLE_FUNCTION".equals(type)) {
            JsonNode function = node.path("function");
            String name = function.path("function_name").asText().toLowerCase(Locale.ROOT);
            boolean qualified = !function.path("schema").asText("").isEmpty() || !function.path("catalog").asText("").isEmpty();
            if (qualified || !ALLOWED_TABLE_FUNCTIONS.contains(name)) {
                throw new QueryRejectedException("table function " + name + "() is not allowed: files are read only through "
                        + "lakehouse tables named schema.table (allowed table functions: " + ALLOWED_TABLE_FUNCTIONS + ")");
            }
        } else if ("BASE_TABLE".equals(type)) {
            refs.addAll(baseTable(node, cteNames));
        }
    }

    private static List<AstTableRef> baseTable(JsonNode node, Set<String> cteNames) {
        String catalog = node.path("catalog_name").asText("");
        String schema = node.path("schema_name").asText("");
        String table = node.path("table_name").asText("");
        String shown = (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".") + table;
        if (!node.path("at_clause").isNull() && !node.path("at_clause").isMissingNode()) {
            throw new QueryRejectedException("AT (...) after " + shown + " is not supported: write VERSION AS OF n or "
                    + "TIMESTAMP AS OF '...' after the table name");
        }
        if (!catalog.isEmpty()) {
            throw new QueryRejectedException("table " + shown + " has three name parts; lakehouse tables are named schema.table");
        }
        if (schema.isEmpty()) {
            boolean fileLike = table.indexOf('/') >= 0 || table.indexOf('\\') >= 0 || table.indexOf('.') >= 0 || table.indexOf(':') >= 0;
            if (fileLike) {
                throw new QueryRejectedException("reading files directly ('" + table + "') is not allowed: "
                        + "select from lakehouse tables named schema.table");
            }
            if (!cteNames.contains(table.toLowerCase(Locale.ROOT))) {
                throw new InvalidQueryException("unknown table \"" + table + "\": lakehouse tables are named schema.table, "
                        + "e.g. market.ohlcv");
            }
            return List.of();
        }
        long location = node.path("query_location").asLong(-1);
        boolean hasAlias = !node.path("alias").asText("").isEmpty();
        return List.of(new AstTableRef(schema, table, hasAlias, location));
    }
}
