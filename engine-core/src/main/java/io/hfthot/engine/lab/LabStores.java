package io.hfthot.engine.lab;

import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.identity.lakehouse.LakehouseApiKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseUsageStore;
import io.hfthot.engine.quota.InMemoryStreamLimiter;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import io.hfthot.engine.usage.UsageService;
import io.hfthot.lakehouse.Lakehouse;
import java.time.Clock;

/** Where the lab keeps API keys and usage: in the lakehouse (production) or in memory (tests). */
enum LabStores {
    /** {@code auth.api_keys} and {@code auth.usage} in the lab's lakehouse. */
    LAKEHOUSE {
        @Override
        Identity open(Lakehouse lakehouse, Clock clock) {
            QuotaEngine quotas = new QuotaEngine(QuotaTable.seed000(), new SlidingLogRateLimiter(),
                    new InMemoryStreamLimiter());
            LakehouseUsageStore usage = LakehouseUsageStore.open(lakehouse, clock);
            AccessControl access = new AccessControl(new ApiKeyService(LakehouseApiKeyStore.open(lakehouse),
                    RandomSecrets.system(), clock), quotas, new UsageService(quotas, usage));
            return new Identity(access, usage::flush);
        }
    },
    /** Everything in memory; lost at close. */
    IN_MEMORY {
        @Override
        Identity open(Lakehouse lakehouse, Clock clock) {
            return new Identity(AccessControl.inMemory(clock, RandomSecrets.system()), () -> { });
        }
    };

    /**
     * Builds the access control over this kind of store.
     *
     * @param lakehouse the lab's lakehouse
     * @param clock     the clock
     * @return the access control and how to flush its stores
     */
    abstract Identity open(Lakehouse lakehouse, Clock clock);

    /**
     * The access control and the flush of its write-behind stores.
     *
     * @param access the access control
     * @param flush  persists pending usage
     */
    record Identity(AccessControl access, Runnable flush) {
    }
}
