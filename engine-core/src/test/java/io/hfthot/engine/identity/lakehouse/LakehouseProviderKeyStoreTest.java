package io.hfthot.engine.identity.lakehouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.usage.provider.ProviderBudget;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.engine.usage.provider.ProviderKeyStore;
import io.hfthot.engine.testkit.ProviderKeyStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseProviderKeyStoreTest extends ProviderKeyStoreContract {
    @TempDir
    Path dir;

    private int opened;

    @Override
    protected ProviderKeyStore newStore() {
        return LakehouseProviderKeyStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }

    @Test
    void latestRevisionsAndDeletionsSurviveReopening() {
        Path base = dir.resolve("persist");
        Instant t = Instant.parse("2026-01-15T14:00:00Z");
        LakehouseProviderKeyStore store = LakehouseProviderKeyStore.open(Lakehouse.open(base));
        store.put(new ProviderKeyRecord("u1", "finnhub", new byte[] {1, 2, 3}, ProviderBudget.FINNHUB, t));
        store.put(new ProviderKeyRecord("u1", "finnhub", new byte[] {4, 5}, ProviderBudget.FINNHUB, t));
        store.put(new ProviderKeyRecord("u1", "twelvedata", new byte[] {6}, ProviderBudget.TWELVE_DATA, t));
        store.put(new ProviderKeyRecord("u2", "finnhub", new byte[] {7}, ProviderBudget.FINNHUB, t));
        assertTrue(store.delete("u2", "finnhub"));

        LakehouseProviderKeyStore reopened = LakehouseProviderKeyStore.open(Lakehouse.open(base));
        ProviderKeyRecord finnhub = reopened.find("u1", "finnhub").orElseThrow();
        assertArrayEquals(new byte[] {4, 5}, finnhub.sealedKey(), "the latest put wins");
        assertEquals(ProviderBudget.FINNHUB, finnhub.budget());
        assertEquals(ProviderBudget.TWELVE_DATA, reopened.find("u1", "twelvedata").orElseThrow().budget());
        assertTrue(reopened.find("u2", "finnhub").isEmpty(), "the deletion persisted");
        reopened.put(new ProviderKeyRecord("u2", "finnhub", new byte[] {8}, ProviderBudget.FINNHUB, t));
        assertArrayEquals(new byte[] {8}, LakehouseProviderKeyStore.open(Lakehouse.open(base))
                .find("u2", "finnhub").orElseThrow().sealedKey(), "revisions keep increasing after a reopen");
    }
}
