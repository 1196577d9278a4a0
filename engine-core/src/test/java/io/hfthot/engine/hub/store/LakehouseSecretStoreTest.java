package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.testkit.SecretStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LakehouseSecretStoreTest extends SecretStoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    protected SecretStore newStore() {
        return LakehouseSecretStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }
}
