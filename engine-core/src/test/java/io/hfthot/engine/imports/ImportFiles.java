package io.hfthot.engine.imports;

import io.hfthot.lakehouse.ParquetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/** Writes input files for the importer tests: CSV as text, Parquet through parquet-avro without Hadoop. */
final class ImportFiles {
    private ImportFiles() {
    }

    static Path csv(Path dir, String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** A bar row for a Parquet file. */
    record Row(Object ts, double open, double high, double low, double close, double volume, String symbol) {
    }

    /**
     * Writes a Parquet file with columns {@code tsColumn} (of the given Avro schema), open, high, low, close,
     * volume (doubles) and, when {@code withSymbol}, symbol (string).
     */
    static Path parquet(Path dir, String name, String tsColumn, Schema tsSchema, boolean withSymbol, List<Row> rows)
            throws IOException {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("bar").fields()
                .name(tsColumn).type(tsSchema).noDefault()
                .requiredDouble("Open").requiredDouble("High").requiredDouble("Low").requiredDouble("Close")
                .requiredDouble("Volume");
        if (withSymbol) {
            fields = fields.requiredString("symbol");
        }
        Schema schema = fields.endRecord();
        Path file = dir.resolve(name);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema).withConf(new PlainParquetConfiguration()).withDataModel(GenericData.get())
                .withCodecFactory(ParquetFiles.codecs()).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(64L * 1024).build()) {
            for (Row row : rows) {
                GenericRecord r = new GenericData.Record(schema);
                r.put(tsColumn, row.ts());
                r.put("Open", row.open());
                r.put("High", row.high());
                r.put("Low", row.low());
                r.put("Close", row.close());
                r.put("Volume", row.volume());
                if (withSymbol) {
                    r.put("symbol", row.symbol());
                }
                writer.write(r);
            }
        }
        return file;
    }

    static Schema timestampMillis() {
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    }

    static Schema timestampMicros() {
        return LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    }
}
