package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --redis} and {@code --append-interval}: parsed, validated with the flag named, and secrets masked. */
class RedisConfigTest {
    @Test
    void parsesTheRedisAddressFromTheFlagOrTheVariable() {
        assertEquals(Optional.empty(), ServerConfig.parse(new String[0], Map.of()).redis());
        assertEquals(Optional.of("redis://127.0.0.1:6379"),
                ServerConfig.parse(new String[] {"--redis", "redis://127.0.0.1:6379"}, Map.of()).redis());
        assertEquals(Optional.of("redis://10.0.0.5:6380/2"),
                ServerConfig.parse(new String[0], Map.of("HFTHOT_REDIS", "redis://10.0.0.5:6380/2")).redis());
    }

    @Test
    void refusesAnAddressThatIsNotRedisNamingTheFlag() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--redis=http://127.0.0.1:6379"}, Map.of()));
        assertTrue(e.getMessage().contains("--redis") && e.getMessage().contains("http://127.0.0.1:6379"), e.getMessage());
    }

    @Test
    void theAppendIntervalIsBounded() {
        assertEquals(Duration.ofSeconds(60), ServerConfig.parse(new String[0], Map.of()).appendInterval());
        assertEquals(Duration.ofSeconds(2),
                ServerConfig.parse(new String[] {"--append-interval", "2s"}, Map.of()).appendInterval());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--append-interval", "500ms"}, Map.of()));
        assertTrue(e.getMessage().contains("--append-interval"), e.getMessage());
    }

    @Test
    void thePasswordOfTheAddressIsNotPrinted() {
        ServerConfig c = ServerConfig.parse(new String[] {"--redis", "redis://:s3cret@127.0.0.1:6379"}, Map.of());
        assertTrue(!c.toString().contains("s3cret") && c.toString().contains("redis://***@127.0.0.1:6379"), c.toString());
    }
}
