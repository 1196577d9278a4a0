package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.RequestLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsAreTheSeedPortsOnLoopback() {
        ServerConfig c = ServerConfig.parse(new String[0], Map.of());
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals(8080, c.httpPort());
        assertEquals(3500, c.htiPort());
        assertEquals(8002, c.marketMakerPort());
        assertEquals(9000, c.hubPort());
        assertEquals(Path.of("./data"), c.dataDir());
        assertTrue(c.tls().isEmpty());
        assertEquals(Set.of(), c.corsOrigins());
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideTheEnvironment() {
        Map<String, String> env = Map.of("HFTHOT_HTTP_PORT", "18080", "HFTHOT_HUB_PORT", "19000",
                "HFTHOT_DATA_DIR", "/tmp/x", "HFTHOT_CORS_ORIGINS", "https://a.example, https://b.example");
        ServerConfig c = ServerConfig.parse(new String[] {"--http-port", "28080", "--mm-port=0", "--bind", "0.0.0.0"}, env);
        assertEquals(28080, c.httpPort());
        assertEquals(19000, c.hubPort());
        assertEquals(0, c.marketMakerPort());
        assertEquals("0.0.0.0", c.bindHost());
        assertEquals(Path.of("/tmp/x"), c.dataDir());
        assertEquals(Set.of("https://a.example", "https://b.example"), c.corsOrigins());
    }

    @Test
    void errorsNameTheOptionTheValueAndWhatIsAccepted() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--hti-port", "http"}, Map.of()));
        assertEquals("--hti-port (or HFTHOT_HTI_PORT) = 'http' is not a port; expected 0 (ephemeral) to 65535",
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
        for (String s : new String[] {"--http-port", "HFTHOT_HTTP_PORT", "--hti-port", "--mm-port", "--hub-port",
                "--data-dir", "--bind", "--tls-keystore"}) {
            assertTrue(usage.contains(s), s);
        }
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
