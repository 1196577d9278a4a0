package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's command line: commands and their help, and the precedence of the configuration layers (flag over
 * environment variable over config file over default), option by option.
 */
class ServerCommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<ServerConfig> served = new ArrayList<>();

    private int run(Map<String, String> env, String... args) {
        return ServerCommandLine.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), c -> {
                    served.add(c);
                    return 0;
                });
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path configFile(String text) throws IOException {
        return Files.writeString(dir.resolve("hfthot.properties"), text);
    }

    @Test
    void eachLayerWinsOverTheOnesBelowIt() throws IOException {
        Path file = configFile("""
                # every layer sets http-port; env and file set grpc-port; only the file sets mm-port
                http-port = 1001
                grpc-port = 1002
                mm-port = 1003
                log-format = json
                """);
        Map<String, String> env = Map.of("HFTHOT_HTTP_PORT", "2001", "HFTHOT_GRPC_PORT", "2002", "HFTHOT_CONFIG", file.toString());
        assertEquals(0, run(env, "--http-port", "3001"), err());
        ServerConfig c = served.get(0);
        assertEquals(3001, c.httpPort(), "flag over variable and file");
        assertEquals(2002, c.grpcPort(), "variable over file");
        assertEquals(1003, c.marketMakerPort(), "file over default");
        assertEquals(8081, c.operations().managementPort(), "default when no layer sets it");
        assertTrue(c.operations().jsonLogs());
    }

    @Test
    void theConfigFlagNamesTheFileAndBeatsItsVariable() throws IOException {
        Path file = configFile("http-port=1001\n");
        Path other = Files.writeString(dir.resolve("other.properties"), "http-port=1111\n");
        assertEquals(0, run(Map.of("HFTHOT_CONFIG", other.toString()), "serve", "--config", file.toString()), err());
        assertEquals(1001, served.get(0).httpPort());
        assertEquals(1001, ServerConfig.parse(new String[] {"--config=" + file}, Map.of()).httpPort());
    }

    @Test
    void theServeCommandMayBeNamedOrLeftOut() {
        assertEquals(0, run(Map.of(), "--http-port", "9080"));
        assertEquals(0, run(Map.of(), "serve", "--http-port=9081", "--management-port", "9082"));
        assertEquals(9080, served.get(0).httpPort());
        assertEquals(9081, served.get(1).httpPort());
        assertEquals(9082, served.get(1).operations().managementPort());
    }

    @Test
    void aBadConfigFileIsRefusedByNameKeyAndAcceptedKeys() throws IOException {
        Path file = configFile("http_port = 1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--config", file.toString()}, Map.of()));
        assertTrue(e.getMessage().startsWith("config file " + file + ": unknown key 'http_port'; accepted: bind, http-port,"),
                e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[0], Map.of("HFTHOT_CONFIG", dir.resolve("nope").toString())));
        assertEquals("config file " + dir.resolve("nope") + " does not exist", missing.getMessage());
        Path badValue = Files.writeString(dir.resolve("bad.properties"), "grpc-port = http\n");
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--config", badValue.toString()}, Map.of()));
        assertTrue(value.getMessage().startsWith("--grpc-port (or HFTHOT_GRPC_PORT) = 'http' is not a port"), value.getMessage());
        assertEquals(2, run(Map.of(), "--log-format", "xml"));
        assertTrue(err().contains("--log-format (or HFTHOT_LOG_FORMAT) = 'xml' is not one of: text, json"), err());
        assertTrue(served.isEmpty());
    }

    @Test
    void helpDescribesEveryCommandAndEveryOption() {
        assertEquals(0, run(Map.of(), "--help"));
        String help = out();
        for (ServerConfig.Option o : ServerConfig.Option.values()) {
            assertTrue(help.contains(o.flag) && help.contains(o.env), o.flag + " and " + o.env + " in\n" + help);
        }
        for (String s : new String[] {"serve", "import", "optimize", "--config", "HFTHOT_CONFIG", "HFTHOT_MASTER_KEY"}) {
            assertTrue(help.contains(s), s + " in\n" + help);
        }
        out.reset();
        assertEquals(0, run(Map.of(), "import", "--help"));
        assertTrue(out().startsWith("Usage: java -jar hfthot-server.jar import"), out());
        assertTrue(out().contains("--skip-existing"), out());
        out.reset();
        assertEquals(0, run(Map.of(), "optimize", "-h"));
        assertTrue(out().contains("--target-mb"), out());
        assertTrue(served.isEmpty(), "help serves nothing");
    }

    @Test
    void badCommandLinesExitWithUsage() {
        assertEquals(2, run(Map.of(), "--http-port"));
        assertTrue(err().startsWith("hfthot-server: --http-port needs a value"), err());
        assertEquals(2, run(Map.of(), "import", "--interval", "1h", "--colour", "x.csv"));
        assertTrue(err().contains("unknown option '--colour'"), err());
        assertEquals(2, run(Map.of(), "optimize", "--target-mb", "0"));
        assertTrue(err().contains("--target-mb '0' must be a whole number of MiB"), err());
        assertFalse(err().contains("Exception"), err());
    }
}
