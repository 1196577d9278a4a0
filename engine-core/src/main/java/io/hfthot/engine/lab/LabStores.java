package io.hfthot.engine.lab;

import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.identity.lakehouse.LakehouseApiKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseUsageStore;
import io.hfthot.engine.quota.InMemoryStreamLimiter;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.quota.RateWindowFile;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import io.hfthot.engine.usage.UsageService;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.identity.lakehouse.LakehouseProviderKeyStore;
import io.hfthot.engine.lab.keys.MasterKeyFile;
import io.hfthot.engine.lab.keys.MasterKeySource;
import io.hfthot.engine.lab.keys.MasterKeys;
import io.hfthot.engine.usage.provider.InMemoryProviderKeyStore;
import io.hfthot.engine.usage.provider.ProviderKeys;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** Where the lab keeps API keys and usage: in the lakehouse (production) or in memory (tests). */
enum LabStores {
    /** {@code auth.api_keys} and {@code auth.usage} in the lab's lakehouse. */
    LAKEHOUSE {
        @Override
        Identity open(Lakehouse lakehouse, Clock clock, Path dataDir, MasterKeySource masterKey,
                      KeyLimits keyLimits) {
            SlidingLogRateLimiter windows = new SlidingLogRateLimiter();
            RateWindowFile windowFile = QuotaWindows.restore(dataDir.resolve(WINDOWS_FILE), windows);
            QuotaEngine quotas = new QuotaEngine(QuotaTable.seed000(), windows, new InMemoryStreamLimiter());
            LakehouseUsageStore usage = LakehouseUsageStore.open(lakehouse, clock);
            AccessControl access = new AccessControl(new ApiKeyService(LakehouseApiKeyStore.open(lakehouse),
                    RandomSecrets.system(), clock), quotas, new UsageService(quotas, usage), keyLimits);
            SecureRandom random = new SecureRandom();
            byte[] master = MasterKeys.load(masterKey, dataDir, random);
            ProviderKeys providers = new ProviderKeys(LakehouseProviderKeyStore.open(lakehouse),
                    new AesGcmSealer(master, 1, random), new SlidingLogRateLimiter(), clock);
            return new Identity(access, providers, () -> {
                usage.flush();
                windowFile.save(windows, clock.instant());
            });
        }
    },
    /** Everything in memory; lost at close. */
    IN_MEMORY {
        @Override
        Identity open(Lakehouse lakehouse, Clock clock, Path dataDir, MasterKeySource masterKey,
                      KeyLimits keyLimits) {
            SecureRandom random = new SecureRandom();
            byte[] master = new byte[MasterKeyFile.BYTES];
            random.nextBytes(master);
            ProviderKeys providers = new ProviderKeys(new InMemoryProviderKeyStore(), new AesGcmSealer(master, 1, random),
                    new SlidingLogRateLimiter(), clock);
            return new Identity(AccessControl.inMemory(clock, RandomSecrets.system(), keyLimits), providers, () -> { });
        }
    };

    /** File of the data directory holding the rate-limit and quota windows across restarts. */
    static final String WINDOWS_FILE = "quota-windows.bin";

    /**
     * Builds the access control over this kind of store.
     *
     * @param lakehouse the lab's lakehouse
     * @param clock     the clock
     * @param dataDir   the data directory (for the provider master key and the saved quota windows)
     * @param masterKey where the key sealing provider keys comes from (ignored by {@link #IN_MEMORY})
     * @param keyLimits live-key caps and key-creation rate per account
     * @return the access control, the provider keys and how to flush the stores
     */
    abstract Identity open(Lakehouse lakehouse, Clock clock, Path dataDir, MasterKeySource masterKey,
                           KeyLimits keyLimits);

    /**
     * The access control, the provider keys and the flush of the write-behind stores.
     *
     * @param access    the access control
     * @param providers users' upstream provider keys and budgets
     * @param flush     persists pending usage and the quota windows
     */
    record Identity(AccessControl access, ProviderKeys providers, Runnable flush) {
    }
}
