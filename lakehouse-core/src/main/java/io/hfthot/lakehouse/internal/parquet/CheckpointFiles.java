package io.hfthot.lakehouse.internal.parquet;

import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes and reads classic Delta checkpoints: one Parquet row per action, with one nullable struct column per
 * action type ({@code add}, {@code remove}, {@code metaData}, {@code protocol}).
 *
 * <p>parquet-avro carries the nested action schema here (structs, string maps, a string list), which is what it is
 * good at; lists are written in the standard three-level form ({@code write-old-list-structure=false}) that Delta
 * Kernel and Spark expect.
 */
public final class CheckpointFiles {
    private static final Schema STRING_MAP = SchemaBuilder.map().values().nullable().stringType();
    private static final Schema ADD = SchemaBuilder.record("AddFile").fields()
            .requiredString("path")
            .name("partitionValues").type(STRING_MAP).noDefault()
            .requiredLong("size")
            .requiredLong("modificationTime")
            .requiredBoolean("dataChange")
            .optionalString("stats")
            .endRecord();
    private static final Schema REMOVE = SchemaBuilder.record("RemoveFile").fields()
            .requiredString("path")
            .optionalLong("deletionTimestamp")
            .requiredBoolean("dataChange")
            .optionalBoolean("extendedFileMetadata")
            .name("partitionValues").type().optional().type(STRING_MAP)
            .optionalLong("size")
            .endRecord();
    private static final Schema FORMAT = SchemaBuilder.record("Format").fields()
            .requiredString("provider")
            .name("options").type(STRING_MAP).noDefault()
            .endRecord();
    private static final Schema METADATA = SchemaBuilder.record("Metadata").fields()
            .requiredString("id")
            .optionalString("name")
            .optionalString("description")
            .name("format").type(FORMAT).noDefault()
            .requiredString("schemaString")
            .name("partitionColumns").type().array().items().stringType().noDefault()
            .name("configuration").type(STRING_MAP).noDefault()
            .optionalLong("createdTime")
            .endRecord();
    private static final Schema PROTOCOL = SchemaBuilder.record("Protocol").fields()
            .requiredInt("minReaderVersion")
            .requiredInt("minWriterVersion")
            .endRecord();
    private static final Schema CHECKPOINT = SchemaBuilder.record("Checkpoint").namespace("io.hfthot.lakehouse").fields()
            .name("add").type().optional().type(ADD)
            .name("remove").type().optional().type(REMOVE)
            .name("metaData").type().optional().type(METADATA)
            .name("protocol").type().optional().type(PROTOCOL)
            .endRecord();

    private static final ParquetReadOptions READ_OPTIONS = org.apache.parquet.HadoopFreeReadOptions.create(LocalCodecFactory.INSTANCE);

    private final LogStore store;

    /** Creates a checkpoint reader/writer over a store. */
    public CheckpointFiles(LogStore store) {
        this.store = store;
    }

    private static PlainParquetConfiguration conf() {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        conf.set("parquet.avro.add-list-element-records", "false");
        conf.set("parquet.avro.readInt96AsFixed", "true");
        return conf;
    }

    /**
     * Writes a checkpoint holding the given table state (protocol, metadata, live files and unexpired tombstones).
     *
     * @param path the checkpoint file, which must not exist
     */
    public void write(Path path, Action.Protocol protocol, Action.Metadata metadata, Collection<Action.AddFile> adds,
                      Collection<Action.RemoveFile> removes) throws IOException {
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(StoreFiles.output(store, path))
                .withConf(conf())
                .withDataModel(GenericData.get())
                .withSchema(CHECKPOINT)
                .withCodecFactory(LocalCodecFactory.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            GenericRecord p = new GenericData.Record(PROTOCOL);
            p.put("minReaderVersion", protocol.minReaderVersion());
            p.put("minWriterVersion", protocol.minWriterVersion());
            w.write(row("protocol", p));
            GenericRecord f = new GenericData.Record(FORMAT);
            f.put("provider", metadata.formatProvider());
            f.put("options", Map.of());
            GenericRecord m = new GenericData.Record(METADATA);
            m.put("id", metadata.id());
            m.put("name", metadata.name());
            m.put("description", metadata.description());
            m.put("format", f);
            m.put("schemaString", metadata.schemaString());
            m.put("partitionColumns", new ArrayList<>(metadata.partitionColumns()));
            m.put("configuration", new LinkedHashMap<>(metadata.configuration()));
            m.put("createdTime", metadata.createdTime());
            w.write(row("metaData", m));
            for (Action.AddFile a : adds) {
                GenericRecord r = new GenericData.Record(ADD);
                r.put("path", a.path());
                r.put("partitionValues", new LinkedHashMap<>(a.partitionValues()));
                r.put("size", a.size());
                r.put("modificationTime", a.modificationTime());
                r.put("dataChange", false);
                r.put("stats", a.stats());
                w.write(row("add", r));
            }
            for (Action.RemoveFile rm : removes) {
                GenericRecord r = new GenericData.Record(REMOVE);
                r.put("path", rm.path());
                r.put("deletionTimestamp", rm.deletionTimestamp());
                r.put("dataChange", false);
                r.put("extendedFileMetadata", true);
                r.put("partitionValues", new LinkedHashMap<>(rm.partitionValues()));
                r.put("size", rm.size());
                w.write(row("remove", r));
            }
        }
    }

    private static GenericRecord row(String field, GenericRecord value) {
        GenericRecord r = new GenericData.Record(CHECKPOINT);
        r.put(field, value);
        return r;
    }

    /**
     * Reads the actions of a checkpoint part (ours or another writer's).
     *
     * <p>Reading goes through parquet-column's record assembly into example {@link Group}s rather than
     * {@code AvroParquetReader}: the latter's builder links Hadoop classes ({@code org.apache.hadoop.fs.PathFilter})
     * even when given an {@code InputFile}, which fails on a Hadoop-free classpath (found by
     * {@code NoHadoopRuntimeTest}). Only the top-level action columns this module uses are requested.
     *
     * @throws LakehouseException when the file is not a readable checkpoint
     */
    public List<Action> read(Path path) throws IOException {
        return read(path, true);
    }

    /**
     * As {@link #read(Path)}; without {@code withRemoves} the {@code remove} column is not requested, so a
     * checkpoint's tombstones (one per file removed within the deleted-file retention, thousands on a table that is
     * compacted every few minutes) cost a reader of live files nothing but skipping their rows.
     */
    public List<Action> read(Path path, boolean withRemoves) throws IOException {
        List<Action> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(StoreFiles.input(store, path), READ_OPTIONS)) {
            MessageType file = reader.getFooter().getFileMetaData().getSchema();
            List<Type> wanted = new ArrayList<>();
            for (String f : List.of("add", "remove", "metaData", "protocol")) {
                if (file.containsField(f) && (withRemoves || !f.equals("remove"))) {
                    wanted.add(file.getType(f));
                }
            }
            MessageType projection = new MessageType(file.getName(), wanted);
            reader.setRequestedSchema(projection);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, file);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Action a = toAction(records.read());
                    if (a != null) {
                        out.add(a);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new LakehouseException("checkpoint " + path + " is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Returns the paths named by the {@code sidecar} actions of a V2 checkpoint's Parquet top-level file (none when
     * the file has no {@code sidecar} column).
     */
    public List<String> sidecarPaths(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(StoreFiles.input(store, path), READ_OPTIONS)) {
            MessageType file = reader.getFooter().getFileMetaData().getSchema();
            if (!file.containsField("sidecar")) {
                return out;
            }
            MessageType projection = new MessageType(file.getName(), List.of(file.getType("sidecar")));
            reader.setRequestedSchema(projection);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, file);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    Group sidecar = group(records.read(), "sidecar");
                    if (sidecar != null) {
                        out.add(str(sidecar, "path"));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new LakehouseException("checkpoint " + path + " is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    private static Action toAction(Group row) {
        Group add = group(row, "add");
        if (add != null) {
            return new Action.AddFile(str(add, "path"), map(group(add, "partitionValues")), lng(add, "size", 0),
                    lng(add, "modificationTime", 0), bool(add, "dataChange", true), str(add, "stats"),
                    dv(group(add, "deletionVector")));
        }
        Group rm = group(row, "remove");
        if (rm != null) {
            Long size = present(rm, "size") ? rm.getLong("size", 0) : null;
            return new Action.RemoveFile(str(rm, "path"), lng(rm, "deletionTimestamp", 0), bool(rm, "dataChange", true),
                    map(group(rm, "partitionValues")), size, dvId(group(rm, "deletionVector")));
        }
        Group m = group(row, "metaData");
        if (m != null) {
            Group format = group(m, "format");
            Map<String, String> config = map(group(m, "configuration"));
            config.values().removeIf(v -> v == null);
            return new Action.Metadata(str(m, "id"), str(m, "name"), str(m, "description"),
                    format == null || !present(format, "provider") ? "parquet" : format.getString("provider", 0),
                    str(m, "schemaString"), list(group(m, "partitionColumns")), config,
                    present(m, "createdTime") ? m.getLong("createdTime", 0) : null);
        }
        Group p = group(row, "protocol");
        if (p != null) {
            List<String> rf = present(p, "readerFeatures") ? list(group(p, "readerFeatures")) : null;
            List<String> wf = present(p, "writerFeatures") ? list(group(p, "writerFeatures")) : null;
            return new Action.Protocol(p.getInteger("minReaderVersion", 0), p.getInteger("minWriterVersion", 0), rf, wf);
        }
        return null;
    }

    private static boolean present(Group g, String field) {
        return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
    }

    private static Group group(Group g, String field) {
        return present(g, field) ? g.getGroup(field, 0) : null;
    }

    private static String str(Group g, String field) {
        return present(g, field) ? g.getString(field, 0) : null;
    }

    private static long lng(Group g, String field, long dflt) {
        return present(g, field) ? g.getLong(field, 0) : dflt;
    }

    private static boolean bool(Group g, String field, boolean dflt) {
        return present(g, field) ? g.getBoolean(field, 0) : dflt;
    }

    private static io.hfthot.lakehouse.DeletionVector dv(Group dv) {
        if (dv == null) {
            return null;
        }
        return new io.hfthot.lakehouse.DeletionVector(str(dv, "storageType"), str(dv, "pathOrInlineDv"),
                present(dv, "offset") ? dv.getInteger("offset", 0) : null, dv.getInteger("sizeInBytes", 0),
                dv.getLong("cardinality", 0));
    }

    private static String dvId(Group dv) {
        if (dv == null) {
            return null;
        }
        String id = str(dv, "storageType") + str(dv, "pathOrInlineDv");
        return present(dv, "offset") ? id + "@" + dv.getInteger("offset", 0) : id;
    }

    /** A Parquet MAP group: one repeated key/value group holding key and (optional) value. */
    private static Map<String, String> map(Group m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m == null || m.getType().getFieldCount() == 0) {
            return out;
        }
        int n = m.getFieldRepetitionCount(0);
        for (int i = 0; i < n; i++) {
            Group kv = m.getGroup(0, i);
            String value = kv.getFieldRepetitionCount(1) > 0 ? kv.getString(1, 0) : null;
            out.put(kv.getString(0, 0), value);
        }
        return out;
    }

    /** A Parquet LIST: three-level (repeated group with one element) or legacy two-level (repeated primitive). */
    private static List<String> list(Group l) {
        List<String> out = new ArrayList<>();
        if (l == null || l.getType().getFieldCount() == 0) {
            return out;
        }
        boolean twoLevel = l.getType().getType(0).isPrimitive();
        int n = l.getFieldRepetitionCount(0);
        for (int i = 0; i < n; i++) {
            if (twoLevel) {
                out.add(l.getString(0, i));
            } else {
                Group e = l.getGroup(0, i);
                out.add(e.getFieldRepetitionCount(0) > 0 ? e.getString(0, 0) : null);
            }
        }
        return out;
    }
}
