package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The transport limits as the reference server wires them: an aborted body is a 400 in each surface's shape,
 * logged once at debug level with no stack trace (it used to be a 500 after 30 s with a 40-line trace per
 * body), and Jetty's own answers are JSON on every port.
 */
@Timeout(120)
class TransportHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sends a request, half-closes, and returns the whole answer (head and body) the server sent. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode body(String answer) throws IOException {
        assertTrue(answer.contains("Content-Type: application/json"), answer);
        return JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void anAbortedBodyIsA400LoggedOnceAtDebugAndJettysAnswersAreJsonOnEveryPort(@TempDir Path tmp) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger bodies = (Logger) LoggerFactory.getLogger("io.hfthot.adapters.http.jetty.BufferedBodyHandler");
        Level before = bodies.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(tmp.resolve("data")))) {
            bodies.setLevel(Level.DEBUG);
            root.addAppender(log);
            String aborted = "POST /v1/keys HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"tier\":";
            String hfthot = exchange(server.port(ReferenceServer.Surface.HFTHOT), aborted);
            assertTrue(hfthot.startsWith("HTTP/1.1 400 "), hfthot);
            assertEquals("INVALID_PARAMS", body(hfthot).get("code").asText());
            assertTrue(body(hfthot).get("message").asText().contains("8 bytes of the 100 declared"), hfthot);

            String marketMaker = exchange(server.port(ReferenceServer.Surface.MARKET_MAKER),
                    aborted.replace("/v1/keys", "/api/v1/control/emergency-stop"));
            assertTrue(marketMaker.startsWith("HTTP/1.1 400 "), marketMaker);
            assertTrue(body(marketMaker).get("detail").asText().contains("ended early"), marketMaker);

            String tooLarge = "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + "b".repeat(9_000) + "\r\n\r\n";
            for (ReferenceServer.Surface surface : ReferenceServer.Surface.values()) {
                String answer = exchange(server.port(surface), tooLarge);
                assertTrue(answer.startsWith("HTTP/1.1 431 "), surface + ": " + answer);
                JsonNode json = body(answer);
                assertTrue(surface == ReferenceServer.Surface.HFTHOT
                        ? "HEADER_FIELDS_TOO_LARGE".equals(json.get("code").asText()) : json.has("detail"),
                        surface + ": " + answer);
            }
        } finally {
            root.detachAppender(log);
            bodies.setLevel(before);
        }
        List<ILoggingEvent> aboutBodies = log.list.stream()
                .filter(e -> e.getFormattedMessage().contains("ended early")).collect(Collectors.toList());
        assertEquals(2, aboutBodies.size(), "one line per aborted body: " + aboutBodies);
        for (ILoggingEvent e : aboutBodies) {
            assertEquals(Level.DEBUG, e.getLevel());
            assertEquals(null, e.getThrowableProxy(), "no stack trace for an aborted body");
        }
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .collect(Collectors.toList());
        assertEquals(List.of(), warnings.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList()));
    }
}
