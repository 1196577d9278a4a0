package io.hfthot.benchmarks.lakehouse;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.openjdk.jmh.infra.Blackhole;

/** Delta Kernel 4.4 default engine doing the benchmarked work: create, append one batch, full scan. */
final class KernelPeer {
    static final Engine ENGINE = DefaultEngine.create(new Configuration());

    private KernelPeer() {
    }

    static StructType schema(Schema s) {
        StructType out = new StructType();
        for (Field f : s.fields()) {
            io.delta.kernel.types.DataType t = switch (f.type()) {
                case STRING -> StringType.STRING;
                case TIMESTAMP -> TimestampType.TIMESTAMP;
                case DOUBLE -> DoubleType.DOUBLE;
                case LONG -> LongType.LONG;
                default -> throw new IllegalArgumentException(f.type().toString());
            };
            out = out.add(f.name(), t, f.nullable());
        }
        return out;
    }

    static void create(Path table, Schema schema) {
        TableManager.buildCreateTableTransaction(table.toUri().toString(), schema(schema), "bench").build(ENGINE)
                .commit(ENGINE, CloseableIterable.emptyIterable());
    }

    /** Appends a batch in one commit; Kernel reads our columns through zero-copy adapters. */
    static long append(Path table, ColumnBatch batch) throws Exception {
        io.delta.kernel.Snapshot snap = TableManager.loadSnapshot(table.toUri().toString()).build(ENGINE);
        Transaction txn = snap.buildUpdateTableTransaction("bench", Operation.WRITE).withMaxRetries(1000).build(ENGINE);
        io.delta.kernel.data.Row state = txn.getTransactionState(ENGINE);
        StructType ks = schema(batch.schema());
        io.delta.kernel.data.ColumnVector[] vectors = new io.delta.kernel.data.ColumnVector[ks.length()];
        for (int c = 0; c < vectors.length; c++) {
            vectors[c] = new Adapter(batch.column(c), ks.at(c).getDataType());
        }
        FilteredColumnarBatch data = new FilteredColumnarBatch(new DefaultColumnarBatch(batch.rowCount(), ks, vectors), Optional.empty());
        CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(ENGINE, state,
                Utils.singletonCloseableIterator(data), Map.of());
        DataWriteContext ctx = Transaction.getWriteContext(ENGINE, state, Map.of());
        CloseableIterator<DataFileStatus> files = ENGINE.getParquetHandler().writeParquetFiles(ctx.getTargetDirectory(), physical,
                ctx.getStatisticsColumns());
        CloseableIterator<io.delta.kernel.data.Row> actions = Transaction.generateAppendActions(ENGINE, state, files, ctx);
        List<io.delta.kernel.data.Row> all = new ArrayList<>();
        while (actions.hasNext()) {
            all.add(actions.next());
        }
        return txn.commit(ENGINE, CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(all.iterator()))).getVersion();
    }

    /** Scans every row of a version (latest when null) and consumes every value. */
    static long scan(Path table, Long version, Blackhole bh) throws Exception {
        SnapshotBuilder b = TableManager.loadSnapshot(table.toUri().toString());
        if (version != null) {
            b = b.atVersion(version);
        }
        io.delta.kernel.Snapshot snap = b.build(ENGINE);
        Scan scan = snap.getScanBuilder().build();
        io.delta.kernel.data.Row scanState = scan.getScanState(ENGINE);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
        long rows = 0;
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(ENGINE)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> it = scanFiles.next().getRows()) {
                    while (it.hasNext()) {
                        io.delta.kernel.data.Row scanFile = it.next();
                        FileStatus fs = InternalScanFileUtils.getAddFileStatus(scanFile);
                        CloseableIterator<ColumnarBatch> data = ENGINE.getParquetHandler()
                                .readParquetFiles(Utils.singletonCloseableIterator(fs), physical, Optional.empty())
                                .map(FileReadResult::getData);
                        try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(ENGINE, scanState, scanFile, data)) {
                            while (logical.hasNext()) {
                                ColumnarBatch cb = logical.next().getData();
                                rows += consume(cb, bh);
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static int consume(ColumnarBatch cb, Blackhole bh) {
        int n = cb.getSize();
        StructType s = cb.getSchema();
        for (int c = 0; c < s.length(); c++) {
            io.delta.kernel.data.ColumnVector v = cb.getColumnVector(c);
            io.delta.kernel.types.DataType t = s.at(c).getDataType();
            for (int i = 0; i < n; i++) {
                if (v.isNullAt(i)) {
                    continue;
                }
                if (t instanceof StringType) {
                    bh.consume(v.getString(i));
                } else if (t instanceof DoubleType) {
                    bh.consume(v.getDouble(i));
                } else {
                    bh.consume(v.getLong(i));
                }
            }
        }
        return n;
    }

    /** Kernel view of one of our columns (no copy). */
    private static final class Adapter implements io.delta.kernel.data.ColumnVector {
        private final ColumnVector v;
        private final io.delta.kernel.types.DataType type;

        Adapter(ColumnVector v, io.delta.kernel.types.DataType type) {
            this.v = v;
            this.type = type;
        }

        @Override
        public io.delta.kernel.types.DataType getDataType() {
            return type;
        }

        @Override
        public int getSize() {
            return v.size();
        }

        @Override
        public void close() {
        }

        @Override
        public boolean isNullAt(int rowId) {
            return v.isNull(rowId);
        }

        @Override
        public long getLong(int rowId) {
            return v.getLong(rowId);
        }

        @Override
        public double getDouble(int rowId) {
            return v.getDouble(rowId);
        }

        @Override
        public String getString(int rowId) {
            return v.getString(rowId);
        }
    }
}
