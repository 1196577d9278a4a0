package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.testkit.RefreshTokenStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LakehouseRefreshTokenStoreTest extends RefreshTokenStoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    protected RefreshTokenStore newStore() {
        return LakehouseRefreshTokenStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }
}
