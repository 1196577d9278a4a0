package io.hfthot.lakehouse;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Child process for {@link CrashSafetyTest}: commits forever to a table until killed. Each append writes one
 * batch of {@value #ROWS_PER_BATCH} rows spread over two partitions (two files per commit); every fifth commit
 * deletes an older batch entirely. So in any committed version a batch is either complete or absent.
 */
public final class CrashingWriterMain {
    static final int ROWS_PER_BATCH = 40;
    static final Schema SCHEMA = Schema.of(Field.required("part", DataType.STRING), Field.required("batch", DataType.LONG),
            Field.required("i", DataType.INTEGER));

    private CrashingWriterMain() {
    }

    /** Arguments: lakehouse base directory, table name, first batch id. */
    public static void main(String[] args) {
        Path base = Paths.get(args[0]);
        DeltaTable t = Lakehouse.open(base, LakehouseOptions.defaults().withCheckpointInterval(3)).table(args[1]);
        long batch = Long.parseLong(args[2]);
        for (int n = 0; ; n++) {
            if (n % 5 == 4) {
                t.delete(Predicate.eq("batch", batch - 3));
            } else {
                ColumnBatch.Builder b = ColumnBatch.builder(SCHEMA);
                for (int i = 0; i < ROWS_PER_BATCH; i++) {
                    b.addRow(i % 2 == 0 ? "even" : "odd", batch, i);
                }
                t.append(b.build());
                batch++;
            }
        }
    }

    static List<String> partitions() {
        return List.of("part");
    }
}
