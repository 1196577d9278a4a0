package io.hfthot.lakehouse.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.internal.parquet.CheckpointFiles;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a V2 checkpoint (reader feature {@code v2Checkpoint}): a top-level file
 * {@code <version>.checkpoint.<uuid>.json} or {@code .parquet} holding {@code checkpointMetadata}, the non-file
 * actions (protocol, metaData) and {@code sidecar} actions naming Parquet files in {@code _delta_log/_sidecars/}
 * that hold the add and remove actions (a top-level file may also hold file actions itself).
 */
final class V2Checkpoint {
    private final LogStore store;
    private final Path logDir;

    V2Checkpoint(LogStore store, Path logDir) {
        this.store = store;
        this.logDir = logDir;
    }

    /** Returns every action of the checkpoint: the top-level file's, then each sidecar's. */
    List<Action> read(Path topLevel) throws IOException {
        CheckpointFiles parquet = new CheckpointFiles(store);
        List<Action> out = new ArrayList<>();
        List<String> sidecars = new ArrayList<>();
        if (topLevel.getFileName().toString().endsWith(".json")) {
            byte[] bytes = store.read(topLevel);
            out.addAll(ActionJson.parse(bytes, topLevel.toString()));
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = ActionJson.MAPPER.readTree(line);
                    if (n.has("sidecar")) {
                        sidecars.add(n.get("sidecar").path("path").asText());
                    }
                }
            }
        } else {
            out.addAll(parquet.read(topLevel));
            sidecars.addAll(parquet.sidecarPaths(topLevel));
        }
        for (String s : sidecars) {
            if (s.isEmpty()) {
                throw new LakehouseException("V2 checkpoint " + topLevel + " has a sidecar action without a path");
            }
            Path file = s.contains(":") ? Path.of(URI.create(s)) : logDir.resolve("_sidecars").resolve(s);
            out.addAll(parquet.read(file));
        }
        return out;
    }
}
