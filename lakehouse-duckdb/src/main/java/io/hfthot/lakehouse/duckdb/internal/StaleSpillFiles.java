package io.hfthot.lakehouse.duckdb.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the spill files of DuckDB processes that no longer run. DuckDB names them
 * {@code duckdb_temp_<pid>_<n>_owner} and {@code duckdb_temp_<pid>_<n>_storage_*.tmp} and deletes them when the
 * database closes, but a killed process leaves them behind (seen here after a SIGKILL), and nothing else would
 * ever reclaim that disk. Files of a process that is still alive (another engine in this JVM included) are kept.
 */
public final class StaleSpillFiles {

    private static final Pattern NAME = Pattern.compile("duckdb_temp_(\\d+)_.*");

    private StaleSpillFiles() {
    }

    /**
     * Deletes the spill files of dead processes in {@code directory}.
     *
     * @param directory the spill directory (an existing directory)
     * @return how many files were deleted
     * @throws IOException when the directory cannot be listed or a file cannot be deleted
     */
    public static int delete(Path directory) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "duckdb_temp_*")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                boolean alive;
                try {
                    alive = ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false);
                } catch (NumberFormatException tooLong) {
                    continue; // not a pid DuckDB wrote
                }
                if (!alive && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
