package io.hfthot.server;

import io.hfthot.engine.keys.DemoKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads the demo keys a server process wrote into its data directory (tier id to raw key). */
final class DemoKeyFile {
    private DemoKeyFile() {
    }

    static Map<String, String> read(Path dataDir) throws IOException {
        Map<String, String> keys = new HashMap<>();
        for (String line : Files.readAllLines(dataDir.resolve(DemoKeys.FILE_NAME))) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] parts = t.split("\\s+");
                keys.put(parts[0], parts[1]);
            }
        }
        return keys;
    }
}
