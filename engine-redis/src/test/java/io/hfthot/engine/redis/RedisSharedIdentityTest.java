package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.hub.secrets.SecretVault;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccountKeys;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.usage.provider.ProviderBudget;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one data directory and one real redis-server, as two replicas run: hub users, hub API keys,
 * sealed secrets and sealed provider keys written through one are used through the other at once; Redis holds no
 * secret in clear; and concurrent key creations through both never pass an account's live-key cap.
 */
class RedisSharedIdentityTest {
    private static final String ADMIN = "alice@example.com";
    private static final String PASSWORD = "alice-password";
    private static final String SECRET = "sk-clear-text-4f1d9a";
    private static final String PROVIDER_KEY = "finnhub-clear-text-77ab";

    @TempDir
    Path dir;

    private Engine engine(RedisBackends redis, KeyLimits limits) {
        return redis.applyTo(Engine.builder(LabConfig.forTests(dir, 7L))).keyLimits(limits).build();
    }

    private static HubOptions hubOptions() {
        return HubOptions.defaults().withAdmin(ADMIN, PASSWORD).withPasswords(new Argon2idPasswords(1024, 1, 1))
                .withInternalSecret("0123456789abcdef0123");
    }

    @Test
    void hubIdentityAndSealedKeysWrittenOnOneEngineWorkOnTheOtherAtOnce() throws Exception {
        RedisOptions shared = RedisServer.shared().freshOptions();
        RedisBackends redisB = RedisBackends.connect(shared);
        FirstLookupMisses racedUsers = new FirstLookupMisses(redisB.hubUsers());
        try (RedisBackends redisA = RedisBackends.connect(shared); redisB;
             Engine a = engine(redisA, KeyLimits.defaults());
             Engine b = redisB.applyTo(Engine.builder(LabConfig.forTests(dir, 7L))).hubUsers(racedUsers).build()) {
            // A registers the configured admin at start. B's first lookup is made to miss it, as when two replicas
            // start at once and A inserts between B's lookup and B's insert: B must then take A's user, neither
            // registering a second one nor failing to start.
            HubService hubA = HubService.start(a, hubOptions());
            HubService hubB = HubService.start(b, hubOptions());
            assertTrue(racedUsers.missed.get(), "B's first lookup missed the admin");
            HubPrincipal onA = hubA.accounts().authenticate("Bearer "
                    + hubA.accounts().login(ADMIN, PASSWORD, "127.0.0.1").accessToken(), null);
            HubPrincipal viaB = hubB.accounts().authenticate("Bearer "
                    + hubB.accounts().login(ADMIN, PASSWORD, "127.0.0.1").accessToken(), null);
            assertEquals(onA.userId(), viaB.userId(), "one user, whichever replica logs it in");

            String key = hubA.accounts().createApiKey(onA);
            assertEquals(onA.userId(), hubB.accounts().authenticate(null, key).userId(), "created on A, works on B");
            String next = hubB.accounts().createApiKey(viaB);
            assertThrows(EngineException.class, () -> hubA.accounts().authenticate(null, key),
                    "regenerated away on B, refused on A at once");
            assertEquals(onA.userId(), hubA.accounts().authenticate(null, next).userId());

            hubA.putSecret(onA, "OPENAI_API_KEY", SECRET);
            assertEquals(List.of("OPENAI_API_KEY"), hubB.secretNames(viaB));
            assertEquals(SECRET, new SecretVault(b.surfaceStores().secrets(), b.sealer(), b.clock())
                    .environmentFor(viaB.userId(), "agent-1").get("OPENAI_API_KEY"), "sealed on A, opened on B");

            a.providerKeys().register("acct-1", "finnhub", PROVIDER_KEY, ProviderBudget.FINNHUB);
            assertEquals(PROVIDER_KEY, b.providerKeys().acquire("acct-1", "finnhub").orElseThrow().apiKey());
            assertTrue(b.providerKeys().remove("acct-1", "finnhub"));
            assertTrue(a.providerKeys().acquire("acct-1", "finnhub").isEmpty(), "removed on B, gone on A");
            a.providerKeys().register("acct-1", "finnhub", PROVIDER_KEY, ProviderBudget.FINNHUB);

            List<String> stored = everyStoredValue(shared);
            assertTrue(stored.size() > 10, "the scan read the namespace: " + stored.size() + " values");
            for (String clear : List.of(SECRET, PROVIDER_KEY, PASSWORD, key, next)) {
                assertFalse(stored.stream().anyMatch(v -> v.contains(clear)), "Redis holds '" + clear + "' in clear");
            }
        }
    }

    @Test
    void liveKeyCapHoldsAcrossTwoEnginesUnderConcurrentCreations() throws Exception {
        int cap = 4;
        KeyLimits limits = KeyLimits.parse("pro=" + cap, 1_000);
        RedisOptions shared = RedisServer.shared().freshOptions();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RedisBackends redisA = RedisBackends.connect(shared); RedisBackends redisB = RedisBackends.connect(shared);
             Engine a = engine(redisA, limits); Engine b = engine(redisB, limits)) {
            IssuedApiKey root = a.access().keys().issue("racers", Tier.PROFESSIONAL);
            Principal caller = root.record().principal();
            List<AccountKeys> replicas = List.of(a.access().accountKeys(), b.access().accountKeys());
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> created = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    AccountKeys on = replicas.get(i % 2);
                    created.add(pool.submit(() -> {
                        go.await();
                        return on.create(caller, Tier.HOBBYIST, Instant.now()).decision().allowed();
                    }));
                }
                go.countDown();
                int allowed = 0;
                for (Future<Boolean> f : created) {
                    allowed += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(cap - 1, allowed, "round " + round + ": creations allowed beside the creating key");
                assertEquals(cap, replicas.get(1).liveKeys("racers").size(), "round " + round + ": live keys");
                // Free the slots again (all but the creating key) for the next round.
                for (var row : replicas.get(0).liveKeys("racers")) {
                    if (!row.keyId().equals(root.record().keyId())) {
                        assertTrue(replicas.get(round % 2).revoke(caller, row.keyId()).isPresent());
                    }
                }
                assertEquals(1, replicas.get(0).liveKeys("racers").size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A replica's user store whose first email lookup misses, as if another replica inserted just after it. */
    private static final class FirstLookupMisses implements HubUserStore {
        private final HubUserStore shared;
        private final AtomicBoolean missed = new AtomicBoolean();

        FirstLookupMisses(HubUserStore shared) {
            this.shared = shared;
        }

        @Override
        public void insert(HubUser user) {
            shared.insert(user);
        }

        @Override
        public Optional<HubUser> findByEmail(String normalisedEmail) {
            return missed.compareAndSet(false, true) ? Optional.empty() : shared.findByEmail(normalisedEmail);
        }

        @Override
        public Optional<HubUser> findById(String userId) {
            return shared.findById(userId);
        }
    }

    /** Every string, hash value, set member, sorted-set member and stream field value under a namespace. */
    private static List<String> everyStoredValue(RedisOptions options) {
        RedisClient client = RedisClient.create(options.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> r = c.sync();
            List<String> out = new ArrayList<>();
            for (String key : r.keys(options.namespace() + ":*")) {
                out.add(key);
                switch (r.type(key)) {
                    case "string" -> out.add(r.get(key));
                    case "hash" -> out.addAll(r.hgetall(key).values());
                    case "set" -> out.addAll(r.smembers(key));
                    case "zset" -> out.addAll(r.zrange(key, 0, -1));
                    case "stream" -> r.xrange(key, io.lettuce.core.Range.create("-", "+")).stream()
                            .map(StreamMessage::getBody).map(java.util.Map::values)
                            .forEach((Collection<String> v) -> out.addAll(v));
                    default -> throw new AssertionError("unexpected type of " + key + ": " + r.type(key));
                }
            }
            return out;
        } finally {
            client.shutdown();
        }
    }
}
