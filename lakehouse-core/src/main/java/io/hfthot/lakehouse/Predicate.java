package io.hfthot.lakehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A row filter built from column comparisons, null tests and boolean connectives, with SQL's three-valued logic
 * (a comparison with a null is unknown, and unknown rows are not selected).
 *
 * <p>Predicates are pushed down twice: files whose partition values or statistics (min, max, null count) prove
 * that no row can match are skipped without being opened, and the remaining rows are filtered exactly.
 *
 * <p>Why this file is longer than the house limit: a sealed interface must declare its permitted records, and the
 * nested evaluator that interprets them (three-valued row filtering, and file pruning from partition values and
 * statistics) is kept beside them so that a new predicate kind cannot be added without both evaluations.
 */
public sealed interface Predicate permits Predicate.Comparison, Predicate.IsNull, Predicate.And, Predicate.Or, Predicate.Not {

    /** Comparison operators. */
    enum Op {
        /** equal. */ EQ,
        /** not equal. */ NE,
        /** less than. */ LT,
        /** less than or equal. */ LE,
        /** greater than. */ GT,
        /** greater than or equal. */ GE
    }

    /**
     * {@code column op value}, where value is a typed literal (see {@link ColumnVector#get(int)}; any integral
     * {@link Number} is accepted for integer columns).
     *
     * @param column column name
     * @param op     operator
     * @param value  non-null literal
     */
    record Comparison(String column, Op op, Object value) implements Predicate {
        /** Checks for nulls. */
        public Comparison {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value (use Predicate.isNull to test for nulls)");
        }
    }

    /** {@code column IS NULL}. @param column column name */
    record IsNull(String column) implements Predicate {
        /** Checks for null. */
        public IsNull {
            Objects.requireNonNull(column, "column");
        }
    }

    /** Conjunction. @param left left operand @param right right operand */
    record And(Predicate left, Predicate right) implements Predicate {
        /** Checks for nulls. */
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Disjunction. @param left left operand @param right right operand */
    record Or(Predicate left, Predicate right) implements Predicate {
        /** Checks for nulls. */
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** Negation. @param child operand */
    record Not(Predicate child) implements Predicate {
        /** Checks for null. */
        public Not {
            Objects.requireNonNull(child, "child");
        }
    }

    /** {@code column = value}. */
    static Predicate eq(String column, Object value) {
        return new Comparison(column, Op.EQ, value);
    }

    /** {@code column <> value}. */
    static Predicate ne(String column, Object value) {
        return new Comparison(column, Op.NE, value);
    }

    /** {@code column < value}. */
    static Predicate lt(String column, Object value) {
        return new Comparison(column, Op.LT, value);
    }

    /** {@code column <= value}. */
    static Predicate le(String column, Object value) {
        return new Comparison(column, Op.LE, value);
    }

    /** {@code column > value}. */
    static Predicate gt(String column, Object value) {
        return new Comparison(column, Op.GT, value);
    }

    /** {@code column >= value}. */
    static Predicate ge(String column, Object value) {
        return new Comparison(column, Op.GE, value);
    }

    /** {@code column IS NULL}. */
    static Predicate isNull(String column) {
        return new IsNull(column);
    }

    /** {@code left AND right}. */
    default Predicate and(Predicate right) {
        return new And(this, right);
    }

    /** {@code left OR right}. */
    default Predicate or(Predicate right) {
        return new Or(this, right);
    }

    /** {@code NOT this}. */
    default Predicate negate() {
        return new Not(this);
    }

    /** Returns the names of the columns the predicate reads. */
    default Set<String> columns() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Predicate p, Set<String> out) {
        if (p instanceof Comparison c) {
            out.add(c.column());
        } else if (p instanceof IsNull n) {
            out.add(n.column());
        } else if (p instanceof And a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (p instanceof Or o) {
            collect(o.left(), out);
            collect(o.right(), out);
        } else if (p instanceof Not n) {
            collect(n.child(), out);
        }
    }

    /**
     * Checks that every column exists in the schema and every literal fits its column's type.
     *
     * @throws IllegalArgumentException naming the column or literal
     */
    default void validate(Schema schema) {
        if (this instanceof Comparison c) {
            Field f = schema.field(c.column());
            if (f.type() == DataType.DECIMAL || f.type().isNested()) {
                throw new IllegalArgumentException("column '" + f.name() + "' has type " + f.type().deltaName() + ", which is"
                        + " read but cannot be filtered on; compare another column or test it with isNull");
            }
            Eval.literal(f.type(), c.value());
        } else if (this instanceof IsNull n) {
            schema.field(n.column());
        } else if (this instanceof And a) {
            a.left().validate(schema);
            a.right().validate(schema);
        } else if (this instanceof Or o) {
            o.left().validate(schema);
            o.right().validate(schema);
        } else if (this instanceof Not n) {
            n.child().validate(schema);
        }
    }

    /**
     * Evaluates the predicate on every row of a batch (which must hold the predicate's columns).
     *
     * @return a mask, true where the predicate is true (false and unknown rows are false)
     */
    default boolean[] evaluate(ColumnBatch batch) {
        byte[] v = Eval.rows(this, batch);
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] == Eval.TRUE;
        }
        return out;
    }

    /**
     * Returns false only when a file provably holds no matching row, judged from its partition values and stats.
     *
     * @param schema          table schema
     * @param partitionValues the file's partition values as typed values (absent key = not a partition column)
     * @param stats           the file's statistics, or null when unknown
     */
    default boolean mightMatch(Schema schema, Map<String, Object> partitionValues, FileStats stats) {
        return Eval.file(this, schema, partitionValues, stats) != Eval.FALSE;
    }

    /** Three-valued evaluation shared by row filtering and file skipping; not part of the API. */
    final class Eval {
        static final byte FALSE = 0;
        static final byte TRUE = 1;
        static final byte UNKNOWN = 2;

        private Eval() {
        }

        static byte and(byte a, byte b) {
            if (a == FALSE || b == FALSE) {
                return FALSE;
            }
            return a == TRUE && b == TRUE ? TRUE : UNKNOWN;
        }

        static byte or(byte a, byte b) {
            if (a == TRUE || b == TRUE) {
                return TRUE;
            }
            return a == FALSE && b == FALSE ? FALSE : UNKNOWN;
        }

        static byte not(byte a) {
            return a == UNKNOWN ? UNKNOWN : a == TRUE ? FALSE : TRUE;
        }

        /** Converts a literal to the comparable form of the column type: Long, Double, Boolean, String or byte[]. */
        static Object literal(DataType type, Object value) {
            switch (type.storage()) {
                case LONG:
                    return ColumnVector.toLong(type, value, 0);
                case DOUBLE:
                    if (value instanceof Number n) {
                        return n.doubleValue();
                    }
                    break;
                case BOOLEAN:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    break;
                default:
                    if (type == DataType.STRING && value instanceof String) {
                        return value;
                    }
                    if (type == DataType.BINARY && value instanceof byte[]) {
                        return value;
                    }
            }
            throw new IllegalArgumentException("literal '" + value + "' does not fit column type " + type.deltaName());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compare(Object a, Object b) {
            if (a instanceof byte[] x && b instanceof byte[] y) {
                return java.util.Arrays.compareUnsigned(x, y);
            }
            if (a instanceof Double x && b instanceof Double y) {
                return compareDoubles(x, y);
            }
            return ((Comparable) a).compareTo(b);
        }

        /** SQL order: -0.0 equals 0.0 (Double.compare would not), NaN sorts above everything. */
        static int compareDoubles(double x, double y) {
            return x < y ? -1 : x > y ? 1 : x == y ? 0 : Double.compare(x, y);
        }

        static boolean holds(Op op, int cmp) {
            return switch (op) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }

        static byte[] rows(Predicate p, ColumnBatch batch) {
            int n = batch.rowCount();
            byte[] out = new byte[n];
            if (p instanceof Comparison c) {
                    ColumnVector col = batch.column(c.column());
                    Object lit = literal(col.type(), c.value());
                    switch (col.type().storage()) {
                        case LONG -> {
                            long l = (Long) lit;
                            for (int i = 0; i < n; i++) {
                                out[i] = col.isNull(i) ? UNKNOWN : holds(c.op(), Long.compare(col.getLong(i), l)) ? TRUE : FALSE;
                            }
                        }
                        case DOUBLE -> {
                            double d = (Double) lit;
                            for (int i = 0; i < n; i++) {
                                out[i] = col.isNull(i) ? UNKNOWN : holds(c.op(), compareDoubles(col.getDouble(i), d)) ? TRUE : FALSE;
                            }
                        }
                        case BOOLEAN -> {
                            boolean b = (Boolean) lit;
                            for (int i = 0; i < n; i++) {
                                out[i] = col.isNull(i) ? UNKNOWN : holds(c.op(), Boolean.compare(col.getBoolean(i), b)) ? TRUE : FALSE;
                            }
                        }
                        case OBJECT -> {
                            for (int i = 0; i < n; i++) {
                                Object v = col.rawObject(i);
                                if (v == null) {
                                    out[i] = UNKNOWN;
                                } else {
                                    Object x = col.type() == DataType.STRING ? col.getString(i) : v;
                                    out[i] = holds(c.op(), compare(x, lit)) ? TRUE : FALSE;
                                }
                            }
                        }
                    }
            } else if (p instanceof IsNull in) {
                    ColumnVector col = batch.column(in.column());
                    for (int i = 0; i < n; i++) {
                        out[i] = col.isNull(i) ? TRUE : FALSE;
                    }
            } else if (p instanceof And a) {
                    byte[] l = rows(a.left(), batch);
                    byte[] r = rows(a.right(), batch);
                    for (int i = 0; i < n; i++) {
                        out[i] = and(l[i], r[i]);
                    }
            } else if (p instanceof Or o) {
                    byte[] l = rows(o.left(), batch);
                    byte[] r = rows(o.right(), batch);
                    for (int i = 0; i < n; i++) {
                        out[i] = or(l[i], r[i]);
                    }
            } else if (p instanceof Not x) {
                    byte[] l = rows(x.child(), batch);
                    for (int i = 0; i < n; i++) {
                        out[i] = not(l[i]);
                    }
            }
            return out;
        }

        static byte file(Predicate p, Schema schema, Map<String, Object> partitionValues, FileStats stats) {
            if (p instanceof Comparison c) {
                    Field f = schema.field(c.column());
                    Object lit = literal(f.type(), c.value());
                    if (partitionValues.containsKey(c.column())) {
                        Object v = partitionValues.get(c.column());
                        if (v == null) {
                            return UNKNOWN;
                        }
                        return holds(c.op(), compare(literal(f.type(), v), lit)) ? TRUE : FALSE;
                    }
                    if (stats == null) {
                        return UNKNOWN;
                    }
                    Long nulls = stats.nullCount().get(c.column());
                    if (nulls != null && nulls == stats.numRecords() && stats.numRecords() > 0) {
                        return UNKNOWN; // every value is null: the comparison is unknown for every row
                    }
                    Object min = statValue(f.type(), stats.minValues().get(c.column()), false);
                    Object max = statValue(f.type(), stats.maxValues().get(c.column()), true);
                    if (min == null || max == null) {
                        return UNKNOWN;
                    }
                    boolean possible = switch (c.op()) {
                        case EQ -> compare(min, lit) <= 0 && compare(max, lit) >= 0;
                        case NE -> !(compare(min, lit) == 0 && compare(max, lit) == 0);
                        case LT -> compare(min, lit) < 0;
                        case LE -> compare(min, lit) <= 0;
                        case GT -> compare(max, lit) > 0;
                        case GE -> compare(max, lit) >= 0;
                    };
                    return possible ? UNKNOWN : FALSE;
            } else if (p instanceof IsNull in) {
                    schema.field(in.column());
                    if (partitionValues.containsKey(in.column())) {
                        return partitionValues.get(in.column()) == null ? TRUE : FALSE;
                    }
                    Long nulls = stats == null ? null : stats.nullCount().get(in.column());
                    return nulls != null && nulls == 0 ? FALSE : UNKNOWN;
            } else if (p instanceof And a) {
                    return and(file(a.left(), schema, partitionValues, stats), file(a.right(), schema, partitionValues, stats));
            } else if (p instanceof Or o) {
                    return or(file(o.left(), schema, partitionValues, stats), file(o.right(), schema, partitionValues, stats));
            } else {
                    Not x = (Not) p;
                    byte v = file(x.child(), schema, partitionValues, stats);
                    // Stats-based FALSE means "no row matches", not "every row fails", so only exact answers negate.
                    return v == UNKNOWN ? UNKNOWN : partitionOnly(x.child(), partitionValues) ? not(v) : UNKNOWN;
            }
        }

        private static boolean partitionOnly(Predicate p, Map<String, Object> partitionValues) {
            for (String c : p.columns()) {
                if (!partitionValues.containsKey(c)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Converts a JSON stats value to the comparable form. Timestamp stats are truncated to milliseconds by
         * Delta writers, so a maximum is widened by 999 microseconds to stay an upper bound.
         */
        static Object statValue(DataType type, Object json, boolean isMax) {
            if (json == null) {
                return null;
            }
            try {
                switch (type) {
                    case DATE:
                        return LocalDate.parse(json.toString()).toEpochDay();
                    case TIMESTAMP:
                    case TIMESTAMP_NTZ: {
                        String s = json.toString();
                        Instant t = type == DataType.TIMESTAMP ? OffsetDateTime.parse(s).toInstant()
                                : java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
                        long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
                        return isMax ? micros + 999 : micros;
                    }
                    case BYTE:
                    case SHORT:
                    case INTEGER:
                    case LONG:
                        return json instanceof Number n ? n.longValue() : null;
                    case FLOAT:
                    case DOUBLE:
                        if (json instanceof Number n) {
                            double d = n.doubleValue();
                            return Double.isNaN(d) ? null : d;
                        }
                        return null;
                    case STRING:
                        return json instanceof String ? json : null;
                    default:
                        return null;
                }
            } catch (RuntimeException e) {
                return null; // unparseable stats only cost skipping, never correctness
            }
        }
    }

    /** Returns a predicate true when every given predicate is, or null when the list is empty. */
    static Predicate allOf(List<Predicate> predicates) {
        Predicate out = null;
        for (Predicate p : predicates) {
            out = out == null ? p : out.and(p);
        }
        return out;
    }
}
