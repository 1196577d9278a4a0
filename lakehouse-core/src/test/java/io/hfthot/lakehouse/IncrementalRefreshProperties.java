package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.log.DeltaLog;
import io.hfthot.lakehouse.internal.log.TableState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The state a lakehouse keeps and refreshes commit by commit equals, after every step, a fresh replay of the log by
 * a reader holding nothing: same version, timestamp, protocol, metadata, live files and tombstones (those past the
 * table's one-hour {@code delta.deletedFileRetentionDuration} dropped on both routes), and the same rows. Steps are
 * random appends (by the holding table or by a second writer the holder never hears of), deletes, OPTIMIZE,
 * checkpoints, a property change, an added column, vacuum and clock moves of minutes to hours, so tombstones expire
 * mid-sequence and checkpoints appear between refreshes.
 */
class IncrementalRefreshProperties {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    sealed interface Step permits Append, OtherWriterAppend, Delete, Optimize, Checkpoint, SetProperty, AddColumn, Vacuum, Wait {
    }

    record Append(String symbol, int minute, int rows) implements Step {
    }

    record OtherWriterAppend(String symbol, int minute) implements Step {
    }

    record Delete(String symbol) implements Step {
    }

    record Optimize() implements Step {
    }

    record Checkpoint() implements Step {
    }

    record SetProperty(int n) implements Step {
    }

    record AddColumn() implements Step {
    }

    record Vacuum() implements Step {
    }

    record Wait(int minutes) implements Step {
    }

    /**
     * The actions with {@code dataChange} false, as a checkpoint stores them (the protocol says so: a checkpoint
     * reconciles, it changes no data), so that a replay through a checkpoint and a refresh through the commits compare.
     */
    private static Map<String, Object> asCheckpointed(Map<String, ? extends Action> actions) {
        Map<String, Object> out = new java.util.TreeMap<>();
        actions.forEach((k, a) -> out.put(k, a instanceof Action.AddFile f
                ? new Action.AddFile(f.path(), f.partitionValues(), f.size(), f.modificationTime(), false, f.stats(), f.deletionVector())
                : a instanceof Action.RemoveFile r
                ? new Action.RemoveFile(r.path(), r.deletionTimestamp(), false, r.partitionValues(), r.size(), r.deletionVectorId())
                : a));
        return out;
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> symbol = Arbitraries.of("A", "B", "C");
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 500);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, net.jqwik.api.Combinators.combine(symbol, minute, Arbitraries.integers().between(1, 4)).as(Append::new)),
                Tuple.of(3, net.jqwik.api.Combinators.combine(symbol, minute).as(OtherWriterAppend::new)),
                Tuple.of(2, symbol.map(Delete::new)),
                Tuple.of(2, Arbitraries.just(new Optimize())),
                Tuple.of(1, Arbitraries.just(new Checkpoint())),
                Tuple.of(1, Arbitraries.integers().between(0, 9).map(SetProperty::new)),
                Tuple.of(1, Arbitraries.just(new AddColumn())),
                Tuple.of(1, Arbitraries.just(new Vacuum())),
                Tuple.of(3, Arbitraries.integers().between(1, 90).map(Wait::new)));
        return step.list().ofMinSize(8).ofMaxSize(30);
    }

    @Property(tries = 25, seed = "20261207")
    void theRefreshedStateEqualsAFreshReplay(@ForAll("steps") List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("refresh");
        try {
            TestTables.ManualClock clock = new TestTables.ManualClock(START);
            LakehouseOptions options = LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(4);
            Lakehouse held = Lakehouse.open(dir, options);
            DeltaTable t = held.createTable("t", TestTables.OHLCV, List.of("symbol"),
                    Map.of("delta.deletedFileRetentionDuration", "interval 1 hours"));
            int columns = 0;
            for (Step s : steps) {
                clock.advance(Duration.ofSeconds(30));
                if (s instanceof Append a) {
                    t.append(TestTables.bars(a.symbol(), a.minute(), a.rows()));
                } else if (s instanceof OtherWriterAppend o) {
                    // a writer in another lakehouse (another process, as far as the holder knows)
                    Lakehouse.open(dir, options).table("t").append(TestTables.bars(o.symbol(), o.minute(), 1));
                } else if (s instanceof Delete d) {
                    t.delete(Predicate.eq("symbol", d.symbol()));
                } else if (s instanceof Optimize) {
                    t.optimize(1L << 30, null);
                } else if (s instanceof Checkpoint) {
                    t.checkpoint();
                } else if (s instanceof SetProperty p) {
                    t.setProperties(Map.of("hfthot.test.n", String.valueOf(p.n())));
                } else if (s instanceof AddColumn) {
                    t.addColumns(Field.of("extra" + columns++, DataType.LONG));
                } else if (s instanceof Vacuum) {
                    t.vacuum();
                } else if (s instanceof Wait w) {
                    clock.advance(Duration.ofMinutes(w.minutes()));
                }
                TableState refreshed = t.log().load();
                TableState fresh = new DeltaLog(options.store(), t.path(), "t").load();
                assertEquals(fresh.version(), refreshed.version(), "version after " + s);
                assertEquals(fresh.timestampMillis(), refreshed.timestampMillis(), "timestamp after " + s);
                assertEquals(fresh.protocol(), refreshed.protocol(), "protocol after " + s);
                assertEquals(fresh.metadata(), refreshed.metadata(), "metadata after " + s);
                assertEquals(asCheckpointed(fresh.files()), asCheckpointed(refreshed.files()), "live files after " + s);
                assertEquals(asCheckpointed(fresh.tombstones()), asCheckpointed(refreshed.tombstones()), "tombstones after " + s);
                assertEquals(TestTables.values(held.read("t").read()),
                        TestTables.values(Lakehouse.open(dir, options).read("t").read()), "rows after " + s);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
