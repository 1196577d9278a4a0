package io.hfthot.engine.hti.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.testkit.ProfileStoreContract;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseProfileStoreTest extends ProfileStoreContract {
    @TempDir
    Path dir;
    private int opened;

    @Override
    protected ProfileStore newStore() {
        return LakehouseProfileStore.open(Lakehouse.open(dir.resolve("lake" + opened++)));
    }

    @Test
    void profilesAndTheirLatestVersionSurviveReopeningAndNoCodeIsStored() {
        Path lake = dir.resolve("reopen");
        LakehouseProfileStore store = LakehouseProfileStore.open(Lakehouse.open(lake));
        IdeaFilters filters = new IdeaFilters(Set.of("forex", "index"), Set.of("H1"), Set.of(), Set.of("TREND"),
                Set.of("BUY"));
        HtiProfile p = new HtiProfile(Fingerprint.of("secret-code"), "Acme", ValidityType.UNLIMITED, null, 30, filters,
                Instant.parse("2026-01-01T00:00:00Z"));
        store.insert(p);
        HtiProfile later = new HtiProfile(p.fingerprint(), "Acme", ValidityType.FIXED_TERM,
                Instant.parse("2027-01-01T00:00:00Z"), 60, IdeaFilters.all(), p.createdAt());
        store.replace(later);
        LakehouseProfileStore reopened = LakehouseProfileStore.open(Lakehouse.open(lake));
        assertEquals(List.of(later), reopened.all());
        for (Row r : Lakehouse.open(lake).read(LakehouseProfileStore.TABLE).rows()) {
            assertFalse(r.values().toString().contains("secret-code"));
        }
    }
}
