package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.lakehouse.internal.table.Scans;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** File skipping is sound: a file that holds a matching row is never skipped, and row filtering obeys SQL logic. */
class PredicateProperties {
    private static final Schema SCHEMA = Schema.of(Field.of("x", DataType.LONG), Field.of("y", DataType.DOUBLE), Field.of("s", DataType.STRING));

    @Provide
    Arbitrary<ColumnBatch> batches() {
        Arbitrary<Long> xs = Arbitraries.longs().between(-50, 50).injectNull(0.1);
        Arbitrary<Double> ys = Arbitraries.doubles().between(-10, 10).ofScale(1).injectNull(0.1);
        Arbitrary<String> ss = Arbitraries.of("a", "b", "c", "dd").injectNull(0.1);
        return Combinators.combine(xs, ys, ss).as((x, y, s) -> java.util.Arrays.<Object>asList(x, y, s)).list().ofMinSize(1).ofMaxSize(30).map(rows -> {
            ColumnBatch.Builder b = ColumnBatch.builder(SCHEMA);
            for (List<Object> r : rows) {
                b.addRow(r.get(0), r.get(1), r.get(2));
            }
            return b.build();
        });
    }

    @Provide
    Arbitrary<Predicate> predicates() {
        Arbitrary<Predicate.Op> ops = Arbitraries.of(Predicate.Op.class);
        Arbitrary<Predicate> onX = Combinators.combine(ops, Arbitraries.longs().between(-60, 60)).as((o, v) -> new Predicate.Comparison("x", o, v));
        Arbitrary<Predicate> onY = Combinators.combine(ops, Arbitraries.doubles().between(-12, 12).ofScale(1))
                .as((o, v) -> new Predicate.Comparison("y", o, v));
        Arbitrary<Predicate> onS = Combinators.combine(ops, Arbitraries.of("a", "b", "c", "dd", "e")).as((o, v) -> new Predicate.Comparison("s", o, v));
        Arbitrary<Predicate> leaf = Arbitraries.oneOf(onX, onY, onS, Arbitraries.of("x", "y", "s").map(Predicate::isNull));
        return Arbitraries.recursive(() -> leaf, p -> Arbitraries.oneOf(
                Combinators.combine(p, p).as(Predicate::and),
                Combinators.combine(p, p).as(Predicate::or),
                p.map(Predicate::negate)), 0, 3);
    }

    @Property(tries = 300, seed = "20261121")
    void skippingNeverDropsAFileWithAMatchingRow(@ForAll("batches") ColumnBatch batch, @ForAll("predicates") Predicate p) {
        FileStats stats = statsOf(batch);
        boolean anyMatch = false;
        for (boolean m : p.evaluate(batch)) {
            anyMatch |= m;
        }
        if (anyMatch) {
            assertTrue(p.mightMatch(SCHEMA, Map.of(), stats), "skipped a file with a matching row: " + p);
        }
    }

    @Property(tries = 200, seed = "20261121")
    void aRowAndItsNegationAreNeverBothSelected(@ForAll("batches") ColumnBatch batch, @ForAll("predicates") Predicate p) {
        boolean[] yes = p.evaluate(batch);
        boolean[] no = p.negate().evaluate(batch);
        for (int i = 0; i < yes.length; i++) {
            assertTrue(!(yes[i] && no[i]));
        }
        assertEquals(batch.rowCount(), yes.length);
    }

    /** Stats as the writer computes them, through the same JSON path readers use. */
    private static FileStats statsOf(ColumnBatch b) {
        Map<String, Object> min = new HashMap<>();
        Map<String, Object> max = new HashMap<>();
        Map<String, Long> nulls = new HashMap<>();
        for (Field f : SCHEMA.fields()) {
            ColumnVector v = b.column(f.name());
            long n = 0;
            Object lo = null;
            Object hi = null;
            for (int i = 0; i < v.size(); i++) {
                if (v.isNull(i)) {
                    n++;
                    continue;
                }
                Object x = f.type() == DataType.LONG ? (Object) v.getLong(i) : f.type() == DataType.DOUBLE ? (Object) v.getDouble(i) : v.getString(i);
                if (lo == null || Predicate.Eval.compare(x, lo) < 0) {
                    lo = x;
                }
                if (hi == null || Predicate.Eval.compare(x, hi) > 0) {
                    hi = x;
                }
            }
            nulls.put(f.name(), n);
            if (lo != null) {
                min.put(f.name(), lo);
                max.put(f.name(), hi);
            }
        }
        FileStats direct = new FileStats(b.rowCount(), min, max, nulls);
        String json = "{\"numRecords\":" + b.rowCount() + ",\"minValues\":" + toJson(min) + ",\"maxValues\":" + toJson(max)
                + ",\"nullCount\":" + toJson(nulls) + "}";
        FileStats parsed = Scans.parseStats(json);
        assertEquals(direct.numRecords(), parsed.numRecords());
        return parsed;
    }

    private static String toJson(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            Object v = e.getValue();
            sb.append('"').append(e.getKey()).append("\":").append(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v));
        }
        return sb.append('}').toString();
    }
}
