package io.hfthot.lakehouse.duckdb.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The functions a query may call: an allow-list read from {@code allowed-functions.txt} next to this class.
 *
 * <p>An allow-list rather than a deny-list because DuckDB adds catalog, settings and session functions in every
 * release ({@code current_setting}, {@code current_query}, {@code pg_*}, {@code duckdb_*}, ...): a function this
 * list does not name is refused, so a new introspection function stays out until someone reviews it. The file's
 * header says what was left out and why. Table functions are not in it: only {@link #TABLE_FUNCTIONS} may be
 * used in {@code FROM}.
 */
public final class FunctionAllowList {

    /** The table functions a query may use in {@code FROM}: generators that read no file and no catalog. */
    public static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");

    private static final Set<String> SCALAR_AGGREGATE_WINDOW = load();

    private FunctionAllowList() {
    }

    /**
     * Whether a scalar, aggregate or window function may be called.
     *
     * @param name the function name as DuckDB's parser reports it (any case)
     * @return true when the name is on the list
     */
    public static boolean allows(String name) {
        return SCALAR_AGGREGATE_WINDOW.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The allowed scalar, aggregate and window function names (lower case).
     *
     * @return an unmodifiable set
     */
    public static Set<String> names() {
        return SCALAR_AGGREGATE_WINDOW;
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = FunctionAllowList.class.getResourceAsStream("allowed-functions.txt")) {
            if (in == null) {
                throw new IllegalStateException("allowed-functions.txt is missing from the lakehouse-duckdb jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read allowed-functions.txt", e);
        }
        return Set.copyOf(names);
    }
}
