package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.testkit.HubApiKeyStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LakehouseHubApiKeyStoreTest extends HubApiKeyStoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    protected HubApiKeyStore newStore() {
        return LakehouseHubApiKeyStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }
}
