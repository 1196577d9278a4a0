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
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
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
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(store.newOutputFile(path))
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
     * @throws LakehouseException when the file is not a readable checkpoint
     */
    public List<Action> read(Path path) throws IOException {
        List<Action> out = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(store.newInputFile(path), conf())
                .withDataModel(GenericData.get())
                .withCodecFactory(LocalCodecFactory.INSTANCE)
                .build()) {
            GenericRecord rec;
            while ((rec = r.read()) != null) {
                Action a = toAction(rec, path);
                if (a != null) {
                    out.add(a);
                }
            }
        } catch (RuntimeException e) {
            throw new LakehouseException("checkpoint " + path + " is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    private static Action toAction(GenericRecord rec, Path path) {
        GenericRecord add = field(rec, "add");
        if (add != null) {
            if (field(add, "deletionVector") != null) {
                return new Action.AddFile(str(add, "path"), map(add.get("partitionValues")), lng(add, "size", 0),
                        lng(add, "modificationTime", 0), bool(add, "dataChange", true), str(add, "stats"),
                        dvId(field(add, "deletionVector")));
            }
            return new Action.AddFile(str(add, "path"), map(add.get("partitionValues")), lng(add, "size", 0),
                    lng(add, "modificationTime", 0), bool(add, "dataChange", true), str(add, "stats"), null);
        }
        GenericRecord rm = field(rec, "remove");
        if (rm != null) {
            Long size = has(rm, "size") && rm.get("size") != null ? ((Number) rm.get("size")).longValue() : null;
            return new Action.RemoveFile(str(rm, "path"), lng(rm, "deletionTimestamp", 0), bool(rm, "dataChange", true),
                    map(rm.get("partitionValues")), size, dvId(field(rm, "deletionVector")));
        }
        GenericRecord m = field(rec, "metaData");
        if (m != null) {
            List<String> parts = new ArrayList<>();
            Object pc = m.get("partitionColumns");
            if (pc instanceof Collection<?> c) {
                for (Object o : c) {
                    parts.add(o instanceof GenericRecord g ? String.valueOf(g.get(0)) : String.valueOf(o));
                }
            }
            GenericRecord format = field(m, "format");
            Map<String, String> config = map(m.get("configuration"));
            config.values().removeIf(v -> v == null);
            return new Action.Metadata(str(m, "id"), str(m, "name"), str(m, "description"),
                    format == null ? "parquet" : String.valueOf(format.get("provider")), str(m, "schemaString"), parts,
                    config, has(m, "createdTime") && m.get("createdTime") != null ? ((Number) m.get("createdTime")).longValue() : null);
        }
        GenericRecord p = field(rec, "protocol");
        if (p != null) {
            return new Action.Protocol(((Number) p.get("minReaderVersion")).intValue(), ((Number) p.get("minWriterVersion")).intValue(),
                    strings(has(p, "readerFeatures") ? p.get("readerFeatures") : null),
                    strings(has(p, "writerFeatures") ? p.get("writerFeatures") : null));
        }
        return null;
    }

    private static String dvId(GenericRecord dv) {
        if (dv == null) {
            return null;
        }
        String id = String.valueOf(dv.get("storageType")) + dv.get("pathOrInlineDv");
        Object off = has(dv, "offset") ? dv.get("offset") : null;
        return off == null ? id : id + "@" + off;
    }

    private static boolean has(GenericRecord r, String f) {
        return r.getSchema().getField(f) != null;
    }

    private static GenericRecord field(GenericRecord r, String f) {
        return has(r, f) && r.get(f) instanceof GenericRecord g ? g : null;
    }

    private static String str(GenericRecord r, String f) {
        Object v = has(r, f) ? r.get(f) : null;
        return v == null ? null : v.toString();
    }

    private static long lng(GenericRecord r, String f, long dflt) {
        Object v = has(r, f) ? r.get(f) : null;
        return v == null ? dflt : ((Number) v).longValue();
    }

    private static boolean bool(GenericRecord r, String f, boolean dflt) {
        Object v = has(r, f) ? r.get(f) : null;
        return v == null ? dflt : (Boolean) v;
    }

    private static Map<String, String> map(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue() == null ? null : e.getValue().toString());
            }
        }
        return out;
    }

    private static List<String> strings(Object o) {
        if (!(o instanceof Collection<?> c)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object x : c) {
            out.add(x instanceof GenericRecord g ? String.valueOf(g.get(0)) : String.valueOf(x));
        }
        return out;
    }
}
