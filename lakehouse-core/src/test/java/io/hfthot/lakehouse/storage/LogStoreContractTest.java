package io.hfthot.lakehouse.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link LogStore} contract; every implementation's test extends this class. */
public abstract class LogStoreContractTest {
    @TempDir
    protected Path dir;

    /** Returns the store under test. */
    protected abstract LogStore store();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putIfAbsentRefusesAnExistingFileAndKeepsItsContent() throws Exception {
        LogStore s = store();
        Path p = dir.resolve("log/00000000000000000000.json");
        s.putIfAbsent(p, bytes("first"));
        assertThrows(FileAlreadyExistsException.class, () -> s.putIfAbsent(p, bytes("second")));
        assertArrayEquals(bytes("first"), s.read(p));
        assertEquals(List.of("00000000000000000000.json"), s.list(p.getParent()).stream().map(FileEntry::name).toList(),
                "no temporary file is left visible under a listed name");
    }

    @Test
    void listFromReturnsTheNamesAtOrAfterTheGivenOneInOrder() throws Exception {
        LogStore s = store();
        Path log = dir.resolve("from");
        for (String n : List.of("00000000000000000012.json", "00000000000000000009.json", "00000000000000000010.checkpoint.parquet",
                "00000000000000000010.json", "_last_checkpoint", "00000000000000000011.json")) {
            s.putIfAbsent(log.resolve(n), bytes(n));
        }
        assertEquals(List.of("00000000000000000010.checkpoint.parquet", "00000000000000000010.json", "00000000000000000011.json",
                        "00000000000000000012.json", "_last_checkpoint"),
                s.listFrom(log, "00000000000000000010").stream().map(FileEntry::name).toList());
        assertEquals(s.list(log), s.listFrom(log, ""));
        assertEquals(List.of(), s.listFrom(log, "zzz"));
        assertEquals(List.of(), s.listFrom(dir.resolve("absent"), "0"));
    }

    @Test
    void exactlyOneOfManyConcurrentWritersWins() throws Exception {
        LogStore s = store();
        Path p = dir.resolve("race.json");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    s.putIfAbsent(p, bytes("writer-" + id));
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, wins);
        assertTrue(new String(s.read(p), StandardCharsets.UTF_8).startsWith("writer-"));
    }

    @Test
    void overwriteReplacesAndListIsSortedFilesOnly() throws Exception {
        LogStore s = store();
        s.overwrite(dir.resolve("b"), bytes("1"));
        s.overwrite(dir.resolve("b"), bytes("2"));
        s.putIfAbsent(dir.resolve("a"), bytes("x"));
        s.putIfAbsent(dir.resolve("sub/c"), bytes("y"));
        assertArrayEquals(bytes("2"), s.read(dir.resolve("b")));
        assertEquals(List.of("a", "b"), s.list(dir).stream().map(FileEntry::name).toList());
        assertEquals(3, s.listRecursively(dir).size());
        assertTrue(s.list(dir.resolve("absent")).isEmpty());
    }

    @Test
    void readAndDeleteOfMissingFiles() throws Exception {
        LogStore s = store();
        assertThrows(NoSuchFileException.class, () -> s.read(dir.resolve("none")));
        assertThrows(NoSuchFileException.class, () -> s.openRead(dir.resolve("none")));
        assertFalse(s.delete(dir.resolve("none")));
        assertFalse(s.exists(dir.resolve("none")));
        s.putIfAbsent(dir.resolve("f"), bytes("z"));
        s.setModificationTime(dir.resolve("f"), 1_000_000L);
        assertEquals(1_000_000L, s.list(dir).get(0).modificationTime());
        assertTrue(s.delete(dir.resolve("f")));
    }

    @Test
    void forceMakesAWrittenOutputDurableAndRefusesAnAbsentFile() throws Exception {
        LogStore s = store();
        Path p = dir.resolve("new/part=1/f.parquet");
        try (var out = s.create(p)) {
            out.write(bytes("data"));
        }
        s.force(p);
        assertArrayEquals(bytes("data"), s.read(p));
        assertThrows(NoSuchFileException.class, () -> s.force(dir.resolve("absent.parquet")));
    }
}
