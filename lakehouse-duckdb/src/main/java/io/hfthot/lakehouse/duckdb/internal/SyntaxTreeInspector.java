package io.hfthot.lakehouse.duckdb.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * name <em>in scope</em>, a subquery, a join, {@code VALUES}, {@code PIVOT}, or one of a few generating table
 * functions ({@link FunctionAllowList#TABLE_FUNCTIONS}); so {@code read_csv}, {@code read_parquet}, {@code glob},
 * {@code read_text}, {@code query}, {@code duckdb_settings()}, {@code pragma_*()}, replacement scans such as
 * {@code FROM '/etc/passwd'}, bare catalog views such as {@code pg_settings} and DuckDB's own
 * {@code AT (VERSION => n)} are refused. Every function called must be on the {@link FunctionAllowList}, unqualified.
 *
 * <p>Scopes: a CTE hides a name only inside the query that declares it (its body, its later CTEs, the subqueries
 * nested in them), as DuckDB's binder resolves it. A bare name that no CTE in scope declares would reach DuckDB's
 * catalog ({@code pg_settings}, {@code duckdb_settings}, {@code information_schema} views), so it is refused. A
 * CTE sees the CTEs declared before it, and itself only when it is recursive ({@code RECURSIVE_CTE_NODE}); a
 * non-recursive {@code WITH pg_settings AS (SELECT * FROM pg_settings)} reads the catalog view in DuckDB, so the
 * inner name is out of scope here too.
 *
 * <p>Depth: DuckDB's parser refuses expressions nested more than {@code max_expression_depth} (1,000) levels, but
 * the JSON of a tree within that bound is up to ~4 levels per expression level, beyond Jackson's default nesting
 * limit (1,000). The tree is read with a limit of {@value #MAX_JSON_DEPTH} and walked without recursion, so every
 * query DuckDB parses is checked; a deeper tree is refused with a 400 rather than failing the server.
 */
public final class SyntaxTreeInspector {

    /** The deepest JSON tree read; DuckDB's own expression-depth limit keeps real trees below ~4,100. */
    static final int MAX_JSON_DEPTH = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build()).build());

    private static final Set<String> REFUSED_REF_TYPES = Set.of("SHOW_REF", "COLUMN_DATA", "DELIM_GET", "BOUND_TABLE_REF", "INVALID", "CTE");
    private static final Set<String> TABLE_REF_TYPES = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EMPTY", "EXPRESSION_LIST",
            "PIVOT", "TABLE_FUNCTION");
    /**
     * SQL keywords that DuckDB binds, when no column of that name exists, to a session function without
     * parentheses ({@code SELECT current_user} answers {@code duckdb}): refused as bare column names.
     */
    private static final Set<String> BARE_SESSION_FUNCTIONS = Set.of("current_user", "session_user", "current_role",
            "current_schema", "current_catalog", "user");

    /** Functions that call an aggregate named by a string argument, e.g. {@code list_aggregate([1, 2], 'min')}. */
    private static final Set<String> AGGREGATE_BY_NAME = Set.of("list_aggregate", "array_aggregate", "list_aggr", "array_aggr",
            "aggregate");

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
        } catch (StreamConstraintsException e) {
            throw new QueryRejectedException("the query is nested too deeply: its syntax tree is more than " + MAX_JSON_DEPTH
                    + " levels deep; simplify it (e.g. fewer nested subqueries or a long chain of operators)", e);
        } catch (JsonProcessingException e) {
            throw new QueryExecutionException("could not read DuckDB's syntax tree", e);
        }
        if (root.path("error").asBoolean(false)) {
            String type = root.path("error_type").asText("");
            String message = root.path("error_message").asText("");
            if ("parser".equals(type)) {
                throw new InvalidQueryException("SQL syntax error: " + DuckDbErrors.explainDepth(message));
            }
            throw new QueryRejectedException("only a single SELECT or WITH statement is allowed (DuckDB: " + message + ")");
        }
        JsonNode statements = root.path("statements");
        if (statements.size() != 1) {
            throw new QueryRejectedException("only one statement is allowed, found " + statements.size());
        }
        return walk(statements.get(0));
    }

    /** A node to visit, the CTE names in scope there, and whether it is a table function's own call node. */
    private record Visit(JsonNode node, Set<String> ctes, boolean tableFunctionCall) {
    }

    private static List<AstTableRef> walk(JsonNode statement) {
        List<AstTableRef> refs = new ArrayList<>();
        Deque<Visit> pending = new ArrayDeque<>();
        pending.push(new Visit(statement, Set.of(), false));
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            JsonNode node = visit.node();
            List<Visit> children = new ArrayList<>();
            if (node.isObject()) {
                if (node.has("class")) {
                    if (!visit.tableFunctionCall()) {
                        checkExpression(node);
                    }
                } else if (node.has("type") && node.get("type").isTextual()) {
                    checkTableRef(node, visit.ctes(), refs);
                }
                Set<String> inScope = declareCtes(node.path("cte_map").path("map"), visit.ctes(), children);
                boolean tableFunction = "TABLE_FUNCTION".equals(node.path("type").asText()) && !node.has("class");
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!"cte_map".equals(field.getKey())) {
                        children.add(new Visit(field.getValue(), inScope, tableFunction && "function".equals(field.getKey())));
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode child : node) {
                    children.add(new Visit(child, visit.ctes(), false));
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i)); // pre-order, so references come out in tree order
            }
        }
        return refs;
    }

    /**
     * Queues the CTE bodies of one {@code WITH}, each with the names it may see, and returns the names in scope
     * for the rest of the query node.
     */
    private static Set<String> declareCtes(JsonNode map, Set<String> outer, List<Visit> children) {
        if (!map.isArray() || map.isEmpty()) {
            return outer;
        }
        Set<String> visible = new HashSet<>(outer);
        for (JsonNode entry : map) {
            String name = entry.path("key").asText().toLowerCase(Locale.ROOT);
            JsonNode cte = entry.path("value");
            Set<String> own = new HashSet<>(visible);
            if (isRecursive(cte, name)) {
                own.add(name);
            }
            children.add(new Visit(cte, Set.copyOf(own), false));
            visible.add(name);
        }
        return Set.copyOf(visible);
    }

    private static boolean isRecursive(JsonNode cte, String name) {
        for (JsonNode query : List.of(cte.path("query_node"), cte.path("query").path("node"))) {
            if ("RECURSIVE_CTE_NODE".equals(query.path("type").asText())
                    && name.equals(query.path("cte_name").asText().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static void checkExpression(JsonNode node) {
        String kind = node.path("class").asText();
        if ("FUNCTION".equals(kind) || "WINDOW".equals(kind)) {
            String name = node.path("function_name").asText().toLowerCase(Locale.ROOT);
            boolean qualified = !node.path("schema").asText("").isEmpty() || !node.path("catalog").asText("").isEmpty();
            if (qualified) {
                throw new QueryRejectedException("function " + node.path("schema").asText("") + "." + name
                        + "() is not allowed: call functions without a schema or catalog name");
            }
            if (!FunctionAllowList.allows(name)) {
                throw notAllowed(name);
            }
            if (AGGREGATE_BY_NAME.contains(name)) {
                checkNamedAggregate(node, name);
            }
        } else if ("COLUMN_REF".equals(kind)) {
            JsonNode parts = node.path("column_names");
            if (parts.size() == 1 && BARE_SESSION_FUNCTIONS.contains(parts.get(0).asText().toLowerCase(Locale.ROOT))) {
                throw new QueryRejectedException("\"" + parts.get(0).asText() + "\" is not allowed as a bare name: DuckDB "
                        + "would answer it with a session function; qualify a column of that name (e.g. t." + parts.get(0).asText() + ")");
            }
        }
    }

    private static QueryRejectedException notAllowed(String name) {
        return new QueryRejectedException("function " + name + "() is not allowed: queries may call DuckDB's pure "
                + "scalar, aggregate and window functions only (catalog, settings and session functions, state "
                + "changers, sleeps and functions that allocate a size you pass are refused; see docs/sql.md)");
    }

    /**
     * {@code list_aggregate(list, 'name', ...)} calls the aggregate its second argument names, which the function
     * check above never sees: {@code list_aggregate([1], 'bitstring_agg', 0, 2000000000)} would run an aggregate that is
     * not on the list. The name must be a literal naming an allowed function.
     */
    private static void checkNamedAggregate(JsonNode node, String name) {
        JsonNode second = node.has("arguments") ? node.path("arguments").path(1).path("expression") : node.path("children").path(1);
        JsonNode literal = second.path("literal");
        String named = "STRING".equals(literal.path("kind").asText()) ? literal.path("text").asText()
                : second.path("value").path("value").isTextual() ? second.path("value").path("value").asText() : null;
        if (!"CONSTANT".equals(second.path("class").asText()) || named == null) {
            throw new QueryRejectedException(name + "() needs the aggregate's name as a string literal, e.g. " + name
                    + "(prices, 'max')");
        }
        if (!FunctionAllowList.allows(named)) {
            throw notAllowed(named.toLowerCase(Locale.ROOT));
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
            if (qualified || !FunctionAllowList.TABLE_FUNCTIONS.contains(name)) {
                throw new QueryRejectedException("table function " + name + "() is not allowed: files are read only through "
                        + "lakehouse tables named schema.table (allowed table functions: "
                        + FunctionAllowList.TABLE_FUNCTIONS.stream().sorted().toList() + ")");
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
                throw new InvalidQueryException("unknown table \"" + table + "\": no WITH in scope declares it, and "
                        + "lakehouse tables are named schema.table, e.g. market.ohlcv (DuckDB's catalog views are not readable)");
            }
            return List.of();
        }
        long location = node.path("query_location").asLong(-1);
        boolean hasAlias = !node.path("alias").asText("").isEmpty();
        return List.of(new AstTableRef(schema, table, hasAlias, location));
    }
}
