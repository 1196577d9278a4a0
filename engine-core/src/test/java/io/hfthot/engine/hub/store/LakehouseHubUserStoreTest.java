package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.testkit.HubUserStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LakehouseHubUserStoreTest extends HubUserStoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    protected HubUserStore newStore() {
        return LakehouseHubUserStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }
}
