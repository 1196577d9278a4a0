package io.hfthot.lakehouse.internal.actions;

import java.util.List;
import java.util.Map;

/** One action of a Delta commit or checkpoint. */
public sealed interface Action permits Action.Protocol, Action.Metadata, Action.AddFile, Action.RemoveFile, Action.CommitInfo {

    /**
     * {@code protocol}: the reader and writer versions (and, from reader 3 / writer 7, features) a client needs.
     *
     * @param minReaderVersion reader version
     * @param minWriterVersion writer version
     * @param readerFeatures   reader features, or null below reader version 3
     * @param writerFeatures   writer features, or null below writer version 7
     */
    record Protocol(int minReaderVersion, int minWriterVersion, List<String> readerFeatures, List<String> writerFeatures)
            implements Action {
        /** Copies lists. */
        public Protocol {
            readerFeatures = readerFeatures == null ? null : List.copyOf(readerFeatures);
            writerFeatures = writerFeatures == null ? null : List.copyOf(writerFeatures);
        }
    }

    /**
     * {@code metaData}: table id, schema, partition columns and configuration.
     *
     * @param id               table id (a UUID for tables this module creates)
     * @param name             optional name
     * @param description      optional description
     * @param formatProvider   always {@code parquet}
     * @param schemaString     the schema as Delta JSON
     * @param partitionColumns partition column names
     * @param configuration    table properties
     * @param createdTime      creation time, epoch millis, or null
     */
    record Metadata(String id, String name, String description, String formatProvider, String schemaString,
                    List<String> partitionColumns, Map<String, String> configuration, Long createdTime) implements Action {
        /** Copies collections. */
        public Metadata {
            partitionColumns = List.copyOf(partitionColumns);
            configuration = Map.copyOf(configuration);
        }
    }

    /**
     * {@code add}: a data file joins the table.
     *
     * @param path             URI-encoded path relative to the table (or absolute URI)
     * @param partitionValues  partition values as strings (null values allowed)
     * @param size             bytes
     * @param modificationTime epoch millis
     * @param dataChange       false for rearrangements that change no data
     * @param stats            stats JSON or null
     * @param deletionVector   the attached deletion vector, or null
     */
    record AddFile(String path, Map<String, String> partitionValues, long size, long modificationTime, boolean dataChange,
                   String stats, io.hfthot.lakehouse.DeletionVector deletionVector) implements Action {
        /** Copies the map, keeping null values. */
        public AddFile {
            partitionValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partitionValues));
        }

        /** Returns the deletion vector's unique id, or null. */
        public String deletionVectorId() {
            return deletionVector == null ? null : deletionVector.uniqueId();
        }

        /** Key by which replay reconciles adds and removes: path and deletion-vector id. */
        public String key() {
            return deletionVector == null ? path : path + "#" + deletionVector.uniqueId();
        }
    }

    /**
     * {@code remove}: a data file leaves the table (a tombstone kept until vacuum).
     *
     * @param path              path as in the add
     * @param deletionTimestamp epoch millis
     * @param dataChange        false for rearrangements
     * @param partitionValues   partition values of the removed file
     * @param size              bytes, or null
     * @param deletionVectorId  deletion-vector id, or null
     */
    record RemoveFile(String path, long deletionTimestamp, boolean dataChange, Map<String, String> partitionValues,
                      Long size, String deletionVectorId) implements Action {
        /** Copies the map, keeping null values. */
        public RemoveFile {
            partitionValues = partitionValues == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partitionValues));
        }

        /** Replay key, as {@link AddFile#key()}. */
        public String key() {
            return deletionVectorId == null ? path : path + "#" + deletionVectorId;
        }
    }

    /**
     * {@code commitInfo}: provenance of a commit (not part of table state).
     *
     * @param timestamp           commit timestamp, epoch millis (monotonic for commits this module writes)
     * @param operation           operation name
     * @param operationParameters parameters as strings
     * @param operationMetrics    metrics as strings
     * @param readVersion         version the commit was based on, or null
     * @param isBlindAppend       whether the commit only added files without reading
     * @param engineInfo          writer identification
     * @param txnId               unique id of the commit attempt
     */
    record CommitInfo(long timestamp, String operation, Map<String, String> operationParameters,
                      Map<String, String> operationMetrics, Long readVersion, Boolean isBlindAppend, String engineInfo,
                      String txnId) implements Action {
        /** Copies maps. */
        public CommitInfo {
            operationParameters = Map.copyOf(operationParameters);
            operationMetrics = Map.copyOf(operationMetrics);
        }
    }
}
