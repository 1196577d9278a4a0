package io.hfthot.server;

import io.hfthot.engine.lab.LabService;
import io.hfthot.lakehouse.ColumnVector;
import java.time.Instant;

/** Counts rows of the lab's market tables directly from the lakehouse, without SQL: the tests' reference. */
public final class MarketRows {
    private MarketRows() {
    }

    /**
     * Counts the rows of a version of a market table whose {@code ts} is at or after {@code floor}.
     *
     * @param lab     the engine whose lakehouse is read
     * @param table   e.g. {@code market.ohlcv}
     * @param version the table version
     * @param floor   the earliest {@code ts} counted
     * @return the count
     */
    public static long countFrom(LabService lab, String table, long version, Instant floor) {
        ColumnVector ts = lab.engine().lakehouse().readVersion(table, version).read().column("ts");
        long floorMicros = floor.getEpochSecond() * 1_000_000L + floor.getNano() / 1000;
        long n = 0;
        for (int i = 0; i < ts.size(); i++) {
            if (ts.getLong(i) >= floorMicros) {
                n++;
            }
        }
        return n;
    }
}
