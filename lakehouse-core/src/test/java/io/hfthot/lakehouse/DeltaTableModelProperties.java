package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Model-based check of the table: random sequences of append, delete, erase, add-column, optimize, checkpoint and
 * vacuum on a freshly created partitioned table, run against an in-memory model that keeps every version's rows.
 * After every step, every retained version is read back (time travel) and must equal the model's rows for that
 * version, or, only where vacuum or erasure deleted its files, fail with {@link DataFileMissingException}; the
 * latest version must always read, and Delta Kernel must read the same rows. At the end Kernel reads every version
 * that this module still reads and must agree.
 *
 * <p>The values: {@code k} (long, 0..40), {@code g} = {@code "p" + k % 3} (the partition column), {@code v} = 7k or
 * null when k is a multiple of 5, and every added column {@code c<i>} = k + i (null when k is a multiple of 4).
 */
class DeltaTableModelProperties {

    sealed interface Op permits Append, Delete, Erase, AddColumn, Optimize, Checkpoint, Vacuum {
    }

    record Append(List<Long> ks) implements Op {
    }

    record Delete(long below) implements Op {
    }

    record Erase(long k) implements Op {
    }

    record AddColumn() implements Op {
    }

    record Optimize() implements Op {
    }

    record Checkpoint() implements Op {
    }

    record Vacuum() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Long> k = Arbitraries.longs().between(0, 40);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, k.list().ofMinSize(1).ofMaxSize(12).map(Append::new)),
                net.jqwik.api.Tuple.of(2, k.map(Delete::new)),
                net.jqwik.api.Tuple.of(1, k.map(Erase::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new AddColumn())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Optimize())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Checkpoint())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Vacuum())));
        return op.list().ofMinSize(6).ofMaxSize(14);
    }

    /** The model: column names and, per version, the sorted rows. */
    private static final class Model {
        final List<String> columns = new ArrayList<>(List.of("k", "g", "v"));
        final List<List<List<Object>>> versions = new ArrayList<>();

        List<List<Object>> latest() {
            return versions.get(versions.size() - 1);
        }

        void commit(List<List<Object>> rows) {
            List<List<Object>> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparing(Object::toString));
            versions.add(sorted);
        }

        List<Object> row(long k) {
            List<Object> r = new ArrayList<>();
            r.add(k);
            r.add("p" + k % 3);
            r.add(k % 5 == 0 ? null : 7 * k);
            for (int i = 1; i < columns.size() - 2; i++) {
                r.add(k % 4 == 0 ? null : k + i);
            }
            return r;
        }
    }

    @Property(tries = 20)
    void everyRetainedVersionReadsAsTheModelSaysAndKernelAgrees(@ForAll("sequences") @Size(min = 6, max = 14) List<Op> ops) throws Exception {
        Path dir = Files.createTempDirectory("model");
        try {
            TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-07-01T00:00:00Z"));
            Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(4));
            Schema schema = Schema.of(Field.required("k", DataType.LONG), Field.required("g", DataType.STRING), Field.of("v", DataType.LONG));
            DeltaTable t = lh.createTable("m", schema, List.of("g"));
            Model model = new Model();
            model.commit(List.of());
            Set<Long> unreadable = new HashSet<>();
            for (Op op : ops) {
                clock.advance(Duration.ofMinutes(1));
                apply(t, model, op);
                check(t, model, unreadable, op);
            }
            for (int v = 0; v < model.versions.size(); v++) {
                if (!unreadable.contains((long) v)) {
                    assertEquals(model.versions.get(v), KernelOracle.rows(t.path(), (long) v), "Kernel at version " + v + " after " + ops);
                }
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void apply(DeltaTable t, Model model, Op op) {
        if (op instanceof Append a) {
            Schema s = t.snapshot().schema();
            ColumnBatch.Builder b = ColumnBatch.builder(s);
            List<List<Object>> rows = new ArrayList<>(model.latest());
            for (long k : a.ks()) {
                List<Object> r = model.row(k);
                b.addRow(r.toArray());
                rows.add(r);
            }
            assertTrue(t.append(b.build()).committed());
            model.commit(rows);
        } else if (op instanceof Delete d) {
            List<List<Object>> rows = new ArrayList<>(model.latest());
            boolean any = rows.removeIf(r -> (Long) r.get(0) < d.below());
            assertEquals(any, t.delete(Predicate.lt("k", d.below())).committed());
            if (any) {
                model.commit(rows);
            }
        } else if (op instanceof Erase e) {
            List<List<Object>> rows = new ArrayList<>(model.latest());
            rows.removeIf(r -> (Long) r.get(0) == e.k());
            long removed = model.latest().size() - rows.size();
            assertEquals(removed, t.erase("k", e.k()).rowsRemoved());
            if (removed > 0) {
                model.commit(rows);
            }
        } else if (op instanceof AddColumn) {
            String name = "c" + (model.columns.size() - 2);
            t.addColumns(Field.of(name, DataType.LONG));
            model.columns.add(name);
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> r : model.latest()) {
                List<Object> wider = new ArrayList<>(r);
                wider.add(null);
                rows.add(wider);
            }
            model.commit(rows);
        } else if (op instanceof Optimize) {
            if (t.optimize(64L << 20, null).committed()) {
                model.commit(model.latest());
            }
        } else if (op instanceof Checkpoint) {
            t.checkpoint();
        } else {
            t.vacuum(Duration.ZERO, true);
        }
    }

    private static void check(DeltaTable t, Model model, Set<Long> unreadable, Op op) throws Exception {
        long latest = model.versions.size() - 1;
        assertEquals(latest, t.snapshot().version(), "version after " + op);
        assertEquals(model.latest(), TestTables.values(t.snapshot().read()), "latest rows after " + op);
        assertEquals(model.latest(), KernelOracle.rows(t.path(), null), "Kernel's latest rows after " + op);
        for (long v = 0; v <= latest; v++) {
            try {
                assertEquals(model.versions.get((int) v), TestTables.values(t.snapshotAt(v).read()), "version " + v + " after " + op);
                assertTrue(!unreadable.contains(v), "version " + v + " read again after its files were deleted");
            } catch (DataFileMissingException gone) {
                assertTrue(op instanceof Vacuum || op instanceof Erase || unreadable.contains(v),
                        "version " + v + " lost its files after " + op + ": " + gone.getMessage());
                unreadable.add(v);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
