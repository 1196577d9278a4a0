package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    void surfacesThatServeNothingHaveNoPortFlag() {
        // The HTI and hub surfaces have no routes yet: the server binds no port for them and takes no flag.
        for (String flag : new String[] {"--hti-port", "--hub-port"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.parse(new String[] {flag, "0"}, Map.of()));
            assertTrue(e.getMessage().startsWith("unknown option '" + flag + "'"), e.getMessage());
            assertFalse(ServerConfig.usage().contains(flag), flag);
        }
    }
}
