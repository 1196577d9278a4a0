package io.hfthot.lakehouse;

import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.data.vector.DefaultGenericVector;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** Delta Kernel (test scope) as an independent reader and writer of Delta tables, used as the oracle. */
final class KernelOracle {
    private static final Engine ENGINE = DefaultEngine.create(new Configuration());

    private KernelOracle() {
    }

    static io.delta.kernel.Snapshot snapshot(Path table, Long version) {
        SnapshotBuilder b = TableManager.loadSnapshot(table.toUri().toString());
        if (version != null) {
            b = b.atVersion(version);
        }
        return b.build(ENGINE);
    }

    static long versionAtTimestamp(Path table, long millis) {
        io.delta.kernel.Snapshot latest = snapshot(table, null);
        return TableManager.loadSnapshot(table.toUri().toString()).atTimestamp(millis, latest).build(ENGINE).getVersion();
    }

    /** Reads every row of a version (latest when null) as sorted lists of values typed like {@link ColumnVector#get}. */
    static List<List<Object>> rows(Path table, Long version) throws Exception {
        io.delta.kernel.Snapshot snap = snapshot(table, version);
        Scan scan = snap.getScanBuilder().build();
        io.delta.kernel.data.Row scanState = scan.getScanState(ENGINE);
        StructType logical = ScanStateRow.getLogicalSchema(scanState);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
        List<List<Object>> out = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(ENGINE)) {
            while (files.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> scanFiles = files.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        io.delta.kernel.data.Row scanFile = scanFiles.next();
                        FileStatus fs = InternalScanFileUtils.getAddFileStatus(scanFile);
                        CloseableIterator<io.delta.kernel.data.ColumnarBatch> physicalData = ENGINE.getParquetHandler()
                                .readParquetFiles(Utils.singletonCloseableIterator(fs), physical, Optional.empty())
                                .map(FileReadResult::getData);
                        try (CloseableIterator<FilteredColumnarBatch> data = Scan.transformPhysicalData(ENGINE, scanState, scanFile, physicalData)) {
                            while (data.hasNext()) {
                                addSelectedRows(data.next(), logical, out);
                            }
                        }
                    }
                }
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    /** Adds the rows a batch's selection vector keeps (absent, null or false entries are dropped, as Kernel's getRows does). */
    private static void addSelectedRows(FilteredColumnarBatch filtered, StructType schema, List<List<Object>> out) {
        io.delta.kernel.data.ColumnarBatch batch = filtered.getData();
        Optional<io.delta.kernel.data.ColumnVector> selection = filtered.getSelectionVector();
        for (int r = 0; r < batch.getSize(); r++) {
            if (selection.isPresent() && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < schema.length(); c++) {
                row.add(value(batch.getColumnVector(c), r, schema.at(c).getDataType()));
            }
            out.add(row);
        }
    }

    /**
     * One value typed like {@link ColumnVector#get} (structs as name-to-value maps, arrays as lists, maps as maps);
     * binary values as hex strings, as {@link TestTables#values} gives them, so that rows compare by content.
     */
    private static Object value(io.delta.kernel.data.ColumnVector v, int i, io.delta.kernel.types.DataType t) {
        if (v.isNullAt(i)) {
            return null;
        }
        if (t instanceof StructType st) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (int k = 0; k < st.length(); k++) {
                m.put(st.at(k).getName(), value(v.getChild(k), i, st.at(k).getDataType()));
            }
            return m;
        }
        if (t instanceof io.delta.kernel.types.ArrayType at) {
            io.delta.kernel.data.ArrayValue a = v.getArray(i);
            List<Object> l = new ArrayList<>();
            for (int k = 0; k < a.getSize(); k++) {
                l.add(value(a.getElements(), k, at.getElementType()));
            }
            return l;
        }
        if (t instanceof io.delta.kernel.types.MapType mt) {
            io.delta.kernel.data.MapValue mv = v.getMap(i);
            Map<Object, Object> m = new java.util.LinkedHashMap<>();
            for (int k = 0; k < mv.getSize(); k++) {
                m.put(value(mv.getKeys(), k, mt.getKeyType()), value(mv.getValues(), k, mt.getValueType()));
            }
            return m;
        }
        if (t instanceof LongType) {
            return v.getLong(i);
        } else if (t instanceof IntegerType) {
            return v.getInt(i);
        } else if (t instanceof io.delta.kernel.types.ShortType) {
            return v.getShort(i);
        } else if (t instanceof io.delta.kernel.types.ByteType) {
            return v.getByte(i);
        } else if (t instanceof DoubleType) {
            return v.getDouble(i);
        } else if (t instanceof io.delta.kernel.types.FloatType) {
            return v.getFloat(i);
        } else if (t instanceof StringType) {
            return v.getString(i);
        } else if (t instanceof io.delta.kernel.types.BinaryType) {
            return java.util.HexFormat.of().formatHex(v.getBinary(i));
        } else if (t instanceof BooleanType) {
            return v.getBoolean(i);
        } else if (t instanceof TimestampType) {
            long micros = v.getLong(i);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        } else if (t instanceof io.delta.kernel.types.DecimalType) {
            return v.getDecimal(i);
        } else if (t instanceof io.delta.kernel.types.TimestampNTZType) {
            long micros = v.getLong(i);
            return java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) (Math.floorMod(micros, 1_000_000L) * 1000), java.time.ZoneOffset.UTC);
        } else if (t instanceof DateType) {
            return LocalDate.ofEpochDay(v.getInt(i));
        }
        throw new IllegalArgumentException("oracle does not convert " + t);
    }

    static StructType kernelSchema(Schema schema) {
        StructType s = new StructType();
        for (Field f : schema.fields()) {
            s = s.add(f.name(), kernelType(f.type()), f.nullable());
        }
        return s;
    }

    private static io.delta.kernel.types.DataType kernelType(DataType t) {
        return switch (t) {
            case LONG -> LongType.LONG;
            case INTEGER -> IntegerType.INTEGER;
            case DOUBLE -> DoubleType.DOUBLE;
            case STRING -> StringType.STRING;
            case BOOLEAN -> BooleanType.BOOLEAN;
            case TIMESTAMP -> TimestampType.TIMESTAMP;
            case DATE -> DateType.DATE;
            default -> throw new IllegalArgumentException("oracle does not write " + t);
        };
    }

    /** Creates a table with Kernel. */
    static void create(Path table, Schema schema, List<String> partitionColumns) throws Exception {
        var b = TableManager.buildCreateTableTransaction(table.toUri().toString(), kernelSchema(schema), "kernel-oracle");
        if (!partitionColumns.isEmpty()) {
            List<Column> cols = new ArrayList<>();
            for (String c : partitionColumns) {
                cols.add(new Column(c));
            }
            b = b.withDataLayoutSpec(DataLayoutSpec.partitioned(cols));
        }
        Transaction txn = b.build(ENGINE);
        txn.commit(ENGINE, CloseableIterable.emptyIterable());
    }

    /** Appends an (unpartitioned or single-partition) batch with Kernel in one commit. */
    static long append(Path table, ColumnBatch batch, Map<String, Literal> partitionValues) throws Exception {
        io.delta.kernel.Snapshot snap = snapshot(table, null);
        Transaction txn = snap.buildUpdateTableTransaction("kernel-oracle", Operation.WRITE).build(ENGINE);
        io.delta.kernel.data.Row txnState = txn.getTransactionState(ENGINE);
        StructType schema = kernelSchema(batch.schema());
        io.delta.kernel.data.ColumnVector[] vectors = new io.delta.kernel.data.ColumnVector[batch.schema().size()];
        for (int c = 0; c < vectors.length; c++) {
            ColumnVector v = batch.column(c);
            Object[] vals = new Object[batch.rowCount()];
            for (int i = 0; i < vals.length; i++) {
                if (!v.isNull(i)) {
                    vals[i] = switch (v.type()) {
                        case TIMESTAMP -> v.getLong(i);
                        case DATE, INTEGER -> (int) v.getLong(i);
                        default -> v.get(i);
                    };
                }
            }
            vectors[c] = DefaultGenericVector.fromArray(kernelType(v.type()), vals);
        }
        FilteredColumnarBatch data = new FilteredColumnarBatch(new DefaultColumnarBatch(batch.rowCount(), schema, vectors), Optional.empty());
        CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(ENGINE, txnState,
                Utils.singletonCloseableIterator(data), partitionValues);
        DataWriteContext ctx = Transaction.getWriteContext(ENGINE, txnState, partitionValues);
        CloseableIterator<DataFileStatus> written = ENGINE.getParquetHandler().writeParquetFiles(ctx.getTargetDirectory(), physical,
                ctx.getStatisticsColumns());
        CloseableIterator<io.delta.kernel.data.Row> actions = Transaction.generateAppendActions(ENGINE, txnState, written, ctx);
        List<io.delta.kernel.data.Row> all = new ArrayList<>();
        while (actions.hasNext()) {
            all.add(actions.next());
        }
        return txn.commit(ENGINE, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(all.iterator()))).getVersion();
    }

    /** Writes a checkpoint at the latest version with Kernel. */
    static void checkpoint(Path table) throws Exception {
        snapshot(table, null).writeCheckpoint(ENGINE);
    }
}
