package io.hfthot.lakehouse.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import org.junit.jupiter.api.Test;

class LocalLogStoreTest extends LogStoreContractTest {
    @Override
    protected LogStore store() {
        return new LocalLogStore();
    }

    @Test
    void createRefusesAnExistingFile() throws Exception {
        LogStore s = store();
        s.putIfAbsent(dir.resolve("x.parquet"), new byte[] {1});
        assertThrows(FileAlreadyExistsException.class, () -> s.create(dir.resolve("x.parquet")));
    }
}
