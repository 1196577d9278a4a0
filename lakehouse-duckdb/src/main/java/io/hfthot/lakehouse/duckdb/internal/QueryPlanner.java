package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryException;
import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import io.hfthot.lakehouse.duckdb.RowFloor;
import io.hfthot.lakehouse.duckdb.SnapshotRead;
import io.hfthot.lakehouse.duckdb.TableRef;
import io.hfthot.lakehouse.duckdb.TableResolver;
import io.hfthot.lakehouse.duckdb.TimeTravel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Checks a user query and rewrites its lakehouse table references into Parquet scans.
 *
 * <p>Steps: tokenize; token checks ({@link StatementGate}); cut out the time-travel clauses, which DuckDB
 * cannot parse, keeping every other byte in place; let DuckDB parse the rest ({@code json_serialize_sql},
 * through {@code serializer}) and inspect the tree ({@link SyntaxTreeInspector}); match each
 * {@code schema.table} in the tree to its tokens by byte offset; resolve each distinct reference once; splice
 * the scans ({@link ScanSqlBuilder}), each wrapped in the query's row floor when it has one ({@link RowFloorSql}),
 * into the original text. The outcome of the checks is cached per query text
 * (up to {@value #CHECK_CACHE_SIZE} texts); resolution runs on every call. Only token spans the parser identified as table
 * references are replaced, so a {@code 'market.ohlcv'} literal or a {@code market.ohlcv} inside a comment stays
 * as written.
 */
public final class QueryPlanner {

    /** Distinct query texts whose checks are kept. */
    static final int CHECK_CACHE_SIZE = 512;

    private final TableResolver resolver;
    private final Path root;
    // The checks depend only on the SQL text, so a repeated text (a dashboard's query) skips the parser round trip;
    // resolution and rewriting still run on every call, so each call reads the then-latest snapshot.
    private final Map<String, CheckedQuery> checkedQueries = new ConcurrentHashMap<>();

    /**
     * Creates a planner.
     *
     * @param resolver resolves table references to snapshots
     * @param root     the lakehouse root every data file must lie under (absolute, normalized)
     */
    public QueryPlanner(TableResolver resolver, Path root) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Plans {@code sql}.
     *
     * @param sql        the user's query
     * @param floor       rows below it are left out of every scan, or null for none
     * @param serializer  runs DuckDB's {@code json_serialize_sql} on a query text and returns the JSON
     * @param fileColumns gives the lower-cased top-level column names of data files
     * @return the executable SQL and the snapshots it reads
     * @throws QueryException when the query is refused or invalid
     */
    public PlannedQuery plan(String sql, RowFloor floor, UnaryOperator<String> serializer,
                             Function<List<Path>, Map<Path, Set<String>>> fileColumns) {
        Objects.requireNonNull(sql, "sql");
        CheckedQuery query = checkedQueries.get(sql);
        if (query == null) {
            query = check(sql, serializer);
            if (checkedQueries.size() >= CHECK_CACHE_SIZE) {
                checkedQueries.clear(); // crude bound; dashboards repeat a handful of texts
            }
            checkedQueries.put(sql, query);
        }
        return rewrite(sql, query, floor, fileColumns);
    }

    /** Token checks, DuckDB's parser and the syntax-tree checks: a pure function of the text. */
    private static CheckedQuery check(String sql, UnaryOperator<String> serializer) {
        List<SqlToken> tokens = StatementGate.check(SqlTokenizer.tokenize(sql));
        List<TimeTravelClause> clauses = StatementGate.timeTravelClauses(tokens);
        int end = tokens.get(tokens.size() - 1).end();
        String parseable = blankClauses(sql.substring(0, end), tokens, clauses);
        List<AstTableRef> astRefs = SyntaxTreeInspector.inspect(serializer.apply(parseable));
        return new CheckedQuery(List.copyOf(tokens), List.copyOf(clauses), List.copyOf(astRefs), end);
    }

    private PlannedQuery rewrite(String sql, CheckedQuery query, RowFloor floor, Function<List<Path>, Map<Path, Set<String>>> fileColumns) {
        List<SqlToken> tokens = query.tokens();
        List<TimeTravelClause> clauses = query.clauses();
        List<AstTableRef> astRefs = query.astRefs();
        int end = query.end();
        Map<Long, Integer> tokenAtByte = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            tokenAtByte.put((long) tokens.get(i).byteStart(), i);
        }
        Map<Integer, TimeTravelClause> clauseByName = new HashMap<>();
        for (TimeTravelClause clause : clauses) {
            clauseByName.put(clause.nameStartToken(), clause);
        }
        Set<Integer> usedClauses = new HashSet<>();
        List<Splice> splices = new ArrayList<>();
        Map<TableRef, ResolvedTable> resolved = new LinkedHashMap<>();
        Set<Long> seenLocations = new HashSet<>();
        for (AstTableRef ref : astRefs) {
            if (!seenLocations.add(ref.byteLocation())) {
                continue; // the parser may repeat a node (e.g. PIVOT); the text span is the same
            }
            Integer first = tokenAtByte.get(ref.byteLocation());
            if (first == null || first + 2 >= tokens.size() || !tokens.get(first).isIdentifier()
                    || !tokens.get(first + 1).isPunctuation('.') || !tokens.get(first + 2).isIdentifier()) {
                throw new QueryRejectedException("table " + ref.schema() + "." + ref.table()
                        + " could not be located in the query text; write lakehouse tables as schema.table");
            }
            int last = first + 2;
            TimeTravel timeTravel = TimeTravel.latest();
            TimeTravelClause clause = clauseByName.get(first);
            if (clause != null) {
                last = clause.lastToken();
                timeTravel = clause.timeTravel();
                usedClauses.add(first);
            }
            TableRef tableRef = new TableRef(ref.schema(), ref.table(), timeTravel);
            resolved.computeIfAbsent(tableRef, this::resolve);
            splices.add(new Splice(tokens.get(first).start(), tokens.get(last).end(), tableRef, ref.hasAlias()));
        }
        for (TimeTravelClause clause : clauses) {
            if (!usedClauses.contains(clause.nameStartToken())) {
                SqlToken name = tokens.get(clause.nameStartToken());
                throw new InvalidQueryException(clause.timeTravel() + " follows " + name.text() + "." + tokens.get(clause.nameStartToken() + 2).text()
                        + ", which is not a table reference; write it after a table in FROM or JOIN");
            }
        }
        List<Path> files = new ArrayList<>();
        resolved.values().forEach(table -> table.files().forEach(file -> files.add(file.path())));
        Map<Path, Set<String>> columnsByFile = files.isEmpty() ? Map.of() : fileColumns.apply(files);
        Map<TableRef, String> scans = new HashMap<>();
        resolved.forEach((ref, table) -> scans.put(ref,
                RowFloorSql.apply(ScanSqlBuilder.scan(table, root, columnsByFile), table, floor, ref.qualifiedName())));
        List<SnapshotRead> snapshots = new ArrayList<>();
        resolved.forEach((ref, table) -> snapshots.add(new SnapshotRead(ref, table.version(), table.files().size())));
        return new PlannedQuery(splice(sql.substring(0, end), splices, scans), snapshots);
    }

    private ResolvedTable resolve(TableRef ref) {
        try {
            return Objects.requireNonNull(resolver.resolve(ref), "resolver returned null");
        } catch (QueryException userFacing) {
            throw userFacing;
        } catch (RuntimeException e) {
            throw new QueryExecutionException("resolving " + ref + " failed: " + e.getMessage(), e);
        }
    }

    /** Replaces each time-travel clause by spaces, one per UTF-8 byte, so DuckDB's byte offsets still match. */
    private static String blankClauses(String sql, List<SqlToken> tokens, List<TimeTravelClause> clauses) {
        if (clauses.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (TimeTravelClause clause : clauses) {
            int from = tokens.get(clause.firstToken()).start();
            int to = tokens.get(clause.lastToken()).end();
            out.append(sql, copied, from);
            int[] bytes = SqlTokenizer.utf8Offsets(sql.substring(from, to));
            out.append(" ".repeat(bytes[bytes.length - 1]));
            copied = to;
        }
        out.append(sql, copied, sql.length());
        return out.toString();
    }

    private static String splice(String sql, List<Splice> splices, Map<TableRef, String> scans) {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::from));
        StringBuilder out = new StringBuilder(sql.length() + 512 * splices.size());
        int copied = 0;
        for (Splice s : ordered) {
            out.append(sql, copied, s.from()).append(scans.get(s.table()));
            if (!s.hasAlias()) {
                out.append(" AS ").append(ScanSqlBuilder.quoteIdentifier(s.table().table()));
            }
            copied = s.to();
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private record Splice(int from, int to, TableRef table, boolean hasAlias) {
    }

    /** The outcome of the text-only checks, reused when the same text comes again. */
    private record CheckedQuery(List<SqlToken> tokens, List<TimeTravelClause> clauses, List<AstTableRef> astRefs, int end) {
    }
}
