package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.jetty.RequestLimits;
import io.hfthot.engine.keys.MasterKeySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsAreTheSeedPortsOnLoopback() {
        ServerConfig c = ServerConfig.parse(new String[0], Map.of());
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals(8080, c.httpPort());
        assertEquals(8002, c.marketMakerPort());
        assertEquals(50053, c.grpcPort());
        assertEquals(Path.of("./data"), c.dataDir());
        assertTrue(c.tls().isEmpty());
        assertEquals(Set.of(), c.corsOrigins());
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("HFTHOT_HTTP_PORT", "18080", "HFTHOT_GRPC_PORT", "19000",
                "HFTHOT_DATA_DIR", "/tmp/x", "HFTHOT_CORS_ORIGINS", "https://a.example, https://b.example");
        ServerConfig c = ServerConfig.parse(new String[] {"--http-port", "28080", "--mm-port=0", "--bind", "0.0.0.0"}, env);
        assertEquals(28080, c.httpPort());
        assertEquals(19000, c.grpcPort());
        assertEquals(0, c.marketMakerPort());
        assertEquals("0.0.0.0", c.bindHost());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
        assertEquals(Set.of("https://a.example", "https://b.example"), c.corsOrigins());
    }

    @Test
    void errorsNameTheOptionTheValueAndWhatIsAccepted() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--grpc-port", "http"}, Map.of()));
        assertEquals("--grpc-port (or HFTHOT_GRPC_PORT) = 'http' is not a port; expected 0 (ephemeral) to 65535",
                bad.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("HFTHOT_MM_PORT", "70000")));
        assertTrue(range.getMessage().startsWith("--mm-port = 70000 is not a port"), range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--port", "1"}, Map.of()));
        assertTrue(unknown.getMessage().startsWith("unknown option '--port'; accepted: --bind, --http-port"),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--http-port"}, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--tls-keystore", "/nonexistent.p12"}, Map.of()));
    }

    @Test
    void usageListsEveryFlagAndVariable() {
        String usage = ServerConfig.usage();
        for (String s : new String[] {"--http-port", "HFTHOT_HTTP_PORT", "--mm-port", "--grpc-port",
                "--data-dir", "--bind", "--tls-keystore"}) {
            assertTrue(usage.contains(s), s);
        }
    }

    @Test
    void theHtiPortDefaultsTo3500AndIsAFlagAndAVariable() {
        assertEquals(3500, ServerConfig.parse(new String[0], Map.of()).htiPort());
        assertEquals(3600, ServerConfig.parse(new String[] {"--hti-port", "3600"}, Map.of()).htiPort());
        assertEquals(3700, ServerConfig.parse(new String[0], Map.of("HFTHOT_HTI_PORT", "3700")).htiPort());
        assertTrue(ServerConfig.usage().contains("--hti-port"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--hti-port", "70000"}, Map.of()));
    }

    @Test
    void theHubListensOn9000ByDefaultAndTakesItsFirstUserFromTheEnvironment() {
        ServerConfig defaults = ServerConfig.parse(new String[0], Map.of());
        assertEquals(9000, defaults.hub().port());
        assertEquals(null, defaults.hub().adminEmail());
        ServerConfig c = ServerConfig.parse(new String[] {"--hub-port", "9100"}, Map.of("HUB_ADMIN_EMAIL",
                "ops@example.com", "HUB_ADMIN_PASSWORD", "long-enough-pw"));
        assertEquals(9100, c.hub().port());
        assertEquals("ops@example.com", c.hub().adminEmail());
        assertFalse(c.toString().contains("long-enough-pw"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[0],
                Map.of("HUB_ADMIN_EMAIL", "ops@example.com")));
        assertTrue(ServerConfig.usage().contains("--hub-port"));
        assertFalse(defaults.hub().processAgents());
        assertTrue(ServerConfig.parse(new String[] {"--hub-agents", "process"}, Map.of()).hub().processAgents());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--hub-agents", "docker"}, Map.of()));
        assertTrue(bad.getMessage().contains("in-process or process"), bad.getMessage());
    }

    @Test
    void theMasterKeyComesFromTheDataDirectoryAFileOrTheEnvironmentOneWayOnly() {
        assertEquals(MasterKeySource.inDataDirectory(), ServerConfig.parse(new String[0], Map.of()).storage().masterKey());
        assertEquals(MasterKeySource.file(Path.of("/run/secrets/hfthot.key")), ServerConfig.parse(
                new String[] {"--master-key-file", "/run/secrets/hfthot.key"}, Map.of()).storage().masterKey());
        String b64 = Base64.getEncoder().encodeToString(new byte[32]);
        ServerConfig fromEnv = ServerConfig.parse(new String[0], Map.of("HFTHOT_MASTER_KEY", b64));
        assertEquals("HFTHOT_MASTER_KEY", fromEnv.storage().masterKey().describe());
        assertFalse(fromEnv.toString().contains(b64), "the key never reaches a log line: " + fromEnv);
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(
                new String[] {"--master-key-file", "/k"}, Map.of("HFTHOT_MASTER_KEY", b64)));
        assertEquals("--master-key-file (or HFTHOT_MASTER_KEY_FILE) and HFTHOT_MASTER_KEY are both set; give the master "
                + "key one way only", both.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("HFTHOT_MASTER_KEY", "c2hvcnQ=")));
        assertTrue(bad.getMessage().startsWith("HFTHOT_MASTER_KEY decodes to 5 bytes"), bad.getMessage());
        assertTrue(ServerConfig.usage().contains("HFTHOT_MASTER_KEY "), ServerConfig.usage());
    }

    @Test
    void theFreeDiskReserveTakesBytesOrBinaryUnits() {
        assertEquals(64L << 20, ServerConfig.parse(new String[0], Map.of()).storage().minFreeBytes());
        assertEquals(0, ServerConfig.parse(new String[] {"--min-free-disk", "0"}, Map.of()).storage().minFreeBytes());
        assertEquals(512L << 10, ServerConfig.parse(new String[] {"--min-free-disk=512k"}, Map.of()).storage().minFreeBytes());
        assertEquals(2L << 30, ServerConfig.parse(new String[0], Map.of("HFTHOT_MIN_FREE_DISK", "2GiB")).storage()
                .minFreeBytes());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--min-free-disk", "lots"}, Map.of()));
        assertEquals("--min-free-disk (or HFTHOT_MIN_FREE_DISK) = 'lots' is not a size; expected bytes or a number with "
                + "k, m or g (binary units), e.g. 64m", bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--min-free-disk", "999999999999999g"}, Map.of()));
    }

    @Test
    void requestLimitsHaveSafeDefaultsAndComeFromFlagsOrVariables() {
        assertEquals(RequestLimits.defaults(), ServerConfig.parse(new String[0], Map.of()).requestLimits());
        ServerConfig c = ServerConfig.parse(new String[] {"--header-timeout", "500ms", "--min-body-rate=0"},
                Map.of("HFTHOT_REQUEST_TIMEOUT", "2m", "HFTHOT_MIN_BODY_RATE_GRACE", "1s",
                        "HFTHOT_MAX_CONNECTIONS_PER_ADDRESS", "12", "HFTHOT_HEADER_TIMEOUT", "9s",
                        "HFTHOT_MAX_BUFFERED_BODY_BYTES", "2097152"));
        assertEquals(new RequestLimits(Duration.ofMillis(500), Duration.ofMinutes(2), 0, Duration.ofSeconds(1), 12,
                2L << 20), c.requestLimits());
    }

    @Test
    void badRequestLimitsNameTheOptionAndWhatIsAccepted() {
        IllegalArgumentException unit = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--header-timeout", "10"}, Map.of()));
        assertEquals("--header-timeout (or HFTHOT_HEADER_TIMEOUT) = '10' is not a duration; expected a whole number "
                + "with ms, s or m, e.g. 10s", unit.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--header-timeout", "20s", "--request-timeout", "5s"}, Map.of()));
        assertEquals("--request-timeout (5000 ms) must be at least --header-timeout (20000 ms)", order.getMessage());
        IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("HFTHOT_MAX_CONNECTIONS_PER_ADDRESS", "0")));
        assertEquals("--max-connections-per-address (or HFTHOT_MAX_CONNECTIONS_PER_ADDRESS) = '0' is not a whole "
                + "number in [1, 1000000]", cap.getMessage());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--min-body-rate", "-1"}, Map.of()));
        assertTrue(rate.getMessage().startsWith("--min-body-rate (or HFTHOT_MIN_BODY_RATE) = '-1'"), rate.getMessage());
        assertTrue(ServerConfig.usage().contains("--max-connections-per-address"));
    }
}
