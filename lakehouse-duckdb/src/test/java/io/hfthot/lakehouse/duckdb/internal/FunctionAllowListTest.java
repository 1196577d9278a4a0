package io.hfthot.lakehouse.duckdb.internal;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the function allow-list against DuckDB's own catalog: every name exists as a scalar, aggregate, window
 * or macro function, none is an introspection or state-changing function, and the only built-in functions that
 * are not deterministic are the reviewed clock and random ones (macros have no stability of their own: their bodies
 * call built-ins) (so no allowed call can change a pooled connection's
 * state for the next user).
 */
class FunctionAllowListTest {

    private static final Set<String> REVIEWED_VOLATILE = Set.of("current_date", "gen_random_uuid", "get_current_time", "now",
            "random", "today", "transaction_timestamp", "uuidv4", "uuidv7", "uuid", "current_localtime",
            "current_localtimestamp", "get_current_timestamp");

    @Test
    void everyAllowedFunctionExistsAndOnlyReviewedOnesAreVolatile() throws Exception {
        Set<String> known = new HashSet<>();
        Set<String> volatileOnes = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT function_name, stability, function_type FROM duckdb_functions() "
                     + "WHERE function_type IN ('scalar', 'aggregate', 'window', 'macro')")) {
            while (rs.next()) {
                String name = rs.getString(1).toLowerCase();
                known.add(name);
                if (!"macro".equals(rs.getString(3)) && !"CONSISTENT".equals(rs.getString(2)) && FunctionAllowList.allows(name)) {
                    volatileOnes.add(name);
                }
            }
        }
        Set<String> unknown = new TreeSet<>(FunctionAllowList.names());
        unknown.removeAll(known);
        // unnest/unlist are parsed as function calls in a select list but listed by DuckDB as table functions.
        assertEquals(Set.of("unlist", "unnest"), unknown);
        assertTrue(REVIEWED_VOLATILE.containsAll(volatileOnes), "unreviewed volatile functions allowed: " + volatileOnes);
    }

    @Test
    void introspectionAndStateFunctionsAreNotOnTheList() {
        for (String name : FunctionAllowList.names()) {
            boolean introspection = name.startsWith("pg_") || name.startsWith("duckdb_") || name.startsWith("sqlite_")
                    || name.startsWith("pragma_") || name.startsWith("has_") || name.startsWith("read_")
                    || name.startsWith("__") || name.startsWith("current_") && !name.equals("current_date")
                    && !name.startsWith("current_local");
            assertTrue(!introspection, name + " must not be allowed");
        }
        for (String name : Set.of("current_setting", "current_query", "current_database", "current_schema", "setseed",
                "getenv", "getvariable", "nextval", "setval", "currval", "version", "sleep_ms", "pg_sleep", "query", "query_table",
                "json_serialize_plan", "which_secret", "list_resize", "repeat", "lpad", "printf", "range", "stats")) {
            assertTrue(!FunctionAllowList.allows(name), name + " must not be allowed");
        }
        assertTrue(FunctionAllowList.allows("date_trunc") && FunctionAllowList.allows("AVG") && FunctionAllowList.allows("row_number"));
    }
}
