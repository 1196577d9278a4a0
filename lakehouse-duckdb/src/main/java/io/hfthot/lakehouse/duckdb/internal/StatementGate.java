package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryRejectedException;
import io.hfthot.lakehouse.duckdb.TimeTravel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Token-level checks made before DuckDB's parser sees the query: one statement, a read-only first keyword,
 * no parameters, and the time-travel clauses (which DuckDB does not parse) found and validated.
 */
public final class StatementGate {

    // PIVOT/UNPIVOT with an IN list are SELECT statements to DuckDB's parser (checked next); without one DuckDB
    // needs a CREATE TYPE first, json_serialize_sql reports an error and the query is refused there.
    private static final Set<String> FIRST_WORDS = Set.of("SELECT", "WITH", "FROM", "VALUES", "PIVOT", "UNPIVOT");

    private StatementGate() {
    }

    /**
     * Checks the token stream of one query and returns it without a trailing semicolon.
     *
     * @throws QueryRejectedException for several statements, a statement other than SELECT/WITH, or parameters
     * @throws InvalidQueryException for an empty query
     */
    public static List<SqlToken> check(List<SqlToken> tokens) {
        List<SqlToken> body = new ArrayList<>(tokens);
        if (!body.isEmpty() && body.get(body.size() - 1).isPunctuation(';')) {
            body.remove(body.size() - 1);
        }
        if (body.isEmpty()) {
            throw new InvalidQueryException("sql is empty: expected one SELECT or WITH statement");
        }
        for (SqlToken token : body) {
            if (token.isPunctuation(';')) {
                throw new QueryRejectedException("only one statement is allowed: found ';' at offset " + token.start()
                        + " followed by more SQL");
            }
            if (token.kind() == SqlToken.Kind.PARAMETER) {
                throw new QueryRejectedException("query parameters such as '" + token.text() + "' (offset " + token.start()
                        + ") are not supported: write the values into the SQL");
            }
        }
        SqlToken first = body.get(0);
        boolean readOnlyStart = first.isPunctuation('(') || first.kind() == SqlToken.Kind.WORD && FIRST_WORDS.contains(first.upper());
        if (!readOnlyStart) {
            throw new QueryRejectedException("only SELECT or WITH statements are allowed; the statement starts with '"
                    + first.text() + "' (DROP, INSERT, UPDATE, DELETE, CREATE, COPY, ATTACH, INSTALL, LOAD, PRAGMA, SET, "
                    + "EXPORT, CALL and the like are refused)");
        }
        return body;
    }

    /**
     * Finds every {@code VERSION AS OF <integer>} and {@code TIMESTAMP AS OF '<literal>'} clause; each must follow
     * a {@code schema.table} name.
     *
     * @throws InvalidQueryException for a clause in the wrong place or with a bad literal
     */
    public static List<TimeTravelClause> timeTravelClauses(List<SqlToken> tokens) {
        List<TimeTravelClause> clauses = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            SqlToken kind = tokens.get(i);
            if (!(kind.isWord("VERSION") || kind.isWord("TIMESTAMP")) || !tokens.get(i + 1).isWord("AS")
                    || !tokens.get(i + 2).isWord("OF")) {
                continue;
            }
            SqlToken literal = tokens.get(i + 3);
            if (literal.kind() != SqlToken.Kind.NUMBER && literal.kind() != SqlToken.Kind.STRING) {
                continue; // e.g. "CAST(x AS TIMESTAMP) AS of" is an alias, not a clause
            }
            String clauseText = kind.upper() + " AS OF " + literal.text();
            boolean afterQualifiedName = i >= 3 && tokens.get(i - 1).isIdentifier() && tokens.get(i - 2).isPunctuation('.')
                    && tokens.get(i - 3).isIdentifier() && !(i >= 4 && tokens.get(i - 4).isPunctuation('.'));
            if (!afterQualifiedName) {
                throw new InvalidQueryException(clauseText + " at offset " + kind.start()
                        + " must directly follow a schema.table reference, e.g. FROM market.ohlcv " + clauseText);
            }
            clauses.add(new TimeTravelClause(i - 3, i, i + 3, parseTimeTravel(kind, literal, clauseText)));
            i += 3;
        }
        return clauses;
    }

    private static TimeTravel parseTimeTravel(SqlToken kind, SqlToken literal, String clauseText) {
        if (kind.isWord("VERSION")) {
            if (literal.kind() != SqlToken.Kind.NUMBER || !literal.text().chars().allMatch(Character::isDigit)) {
                throw new InvalidQueryException(clauseText + ": the version must be a non-negative integer, e.g. VERSION AS OF 5");
            }
            try {
                return new TimeTravel.AtVersion(Long.parseLong(literal.text()));
            } catch (NumberFormatException tooLarge) {
                throw new InvalidQueryException(clauseText + ": the version must be at most " + Long.MAX_VALUE);
            }
        }
        if (literal.kind() != SqlToken.Kind.STRING) {
            throw new InvalidQueryException(clauseText + ": the timestamp must be a quoted literal; accepted: "
                    + TimestampLiterals.ACCEPTED);
        }
        return new TimeTravel.AtTimestamp(TimestampLiterals.parse(literal.stringValue()));
    }
}
