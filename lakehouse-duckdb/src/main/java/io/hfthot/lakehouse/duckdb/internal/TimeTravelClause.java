package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.TimeTravel;

/**
 * A {@code VERSION AS OF n} or {@code TIMESTAMP AS OF '...'} clause found in the token stream.
 *
 * @param nameStartToken  index of the first token of the {@code schema.table} name the clause follows
 * @param firstToken      index of the clause's first token ({@code VERSION} / {@code TIMESTAMP})
 * @param lastToken       index of the clause's literal
 * @param timeTravel      the snapshot asked for
 */
public record TimeTravelClause(int nameStartToken, int firstToken, int lastToken, TimeTravel timeTravel) {
}
