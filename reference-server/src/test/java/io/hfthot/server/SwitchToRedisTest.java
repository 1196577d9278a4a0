package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.Authentication;
import io.hfthot.engine.redis.RedisServer;
import io.hfthot.server.wiring.Replicas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory used by a single server, then started with {@code --redis}: the API keys, the hub user, its hub
 * API key and its sealed secret made before the switch keep working, because the first start on Redis copies them.
 */
class SwitchToRedisTest {
    @TempDir
    Path dir;

    @Test
    void keysHubUserAndSecretsMadeBeforeTheSwitchKeepWorkingOnRedis() throws Exception {
        String demoKey;
        IssuedApiKey made;
        String hubKey;
        String userId;
        try (ReferenceServer single = ReferenceServer.start(ServerConfig.ephemeral(dir))) {
            demoKey = single.lab().demoKeys().get(0).apiKey();
            made = single.lab().access().keys().issue("before-redis", Tier.HOBBYIST);
            HubService hub = single.hub();
            List<String> demo = hub.demoUser().orElseThrow();
            HubPrincipal user = hub.accounts().authenticate("Bearer "
                    + hub.accounts().login(demo.get(0), demo.get(1), "127.0.0.1").accessToken(), null);
            userId = user.userId();
            hubKey = hub.accounts().createApiKey(user);
            hub.putSecret(user, "OPENAI_API_KEY", "sk-made-before-redis");
        }
        try (RedisServer redis = RedisServer.start();
             ReferenceServer replica = ReferenceServer.start(ServerConfig.ephemeral(dir).withRedis(redis.uri()))) {
            assertTrue(Files.exists(dir.resolve(Replicas.CARRIED_OVER)));
            assertInstanceOf(Authentication.Authenticated.class, replica.lab().access().authenticate(demoKey),
                    "a demo key of the single server");
            assertInstanceOf(Authentication.Authenticated.class, replica.lab().access().authenticate(made.rawKey()),
                    "a key created on the single server");
            HubPrincipal viaKey = replica.hub().accounts().authenticate(null, hubKey);
            assertEquals(userId, viaKey.userId(), "the hub user keeps its id, so its agents keep their owner");
            assertEquals(List.of("OPENAI_API_KEY"), replica.hub().secretNames(viaKey));
        }
    }
}
