package io.hfthot.adapters.http;

import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TlsConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS and WSS from a PKCS#12 keystore, and a graceful stop that releases the port. */
class TlsAndShutdownTest {
    private static HttpSurface surface() {
        return HttpSurface.builder("mm", ErrorShape.DETAIL)
                .get("/health", r -> Response.ok(Map.of("status", "ok")))
                .webSocket("/api/v1/ws/stream", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocketConnection c) {
                        c.sendJson(Map.of("action", "HEARTBEAT"));
                    }
                })
                .build();
    }

    /** Makes a self-signed PKCS#12 keystore with the JDK's own keytool. */
    static Path keystore(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
        return ks;
    }

    static SSLContext trusting(Path ks) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void servesHttpsAndWssFromAPkcs12Keystore(@TempDir Path dir) throws Exception {
        Path ks = keystore(dir);
        try (TransportServer server = TransportServer.start(
                TransportConfig.of("127.0.0.1", 0).withTls(new TlsConfig(ks, "changeit")), surface())) {
            assertTrue(server.baseUri().startsWith("https://127.0.0.1:"));
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(ks)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("{\"status\":\"ok\"}", r.body());
            WsClient ws = WsClient.connect(client, "wss://127.0.0.1:" + server.port() + "/api/v1/ws/stream");
            assertEquals("{\"action\":\"HEARTBEAT\"}", ws.next());
            HttpClient untrusting = HttpClient.newHttpClient();
            assertThrows(IOException.class, () -> untrusting.send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void aMissingKeystoreIsRefusedNamingThePath(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TlsConfig(dir.resolve("nope.p12"), "x"));
        assertTrue(e.getMessage().contains("nope.p12"), e.getMessage());
    }

    @Test
    void closeSaysGoingAwayToWebSocketsAndReleasesThePort() throws Exception {
        TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface());
        int port = server.port();
        HttpClient client = HttpClient.newHttpClient();
        WsClient ws = WsClient.connect(client, "ws://127.0.0.1:" + port + "/api/v1/ws/stream");
        ws.next();
        assertEquals(1, server.surface().webSocket("/api/v1/ws/stream").liveConnections());
        server.close();
        assertEquals(1001, ws.closeCode.get(10, TimeUnit.SECONDS)[0]);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            assertEquals(port, again.getLocalPort());
        }
        server.close();
    }

    @Test
    void aBusyPortIsReportedAsAnIOException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            IOException e = assertThrows(IOException.class, () -> TransportServer.start(
                    TransportConfig.of("127.0.0.1", taken.getLocalPort()), surface()));
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
        }
    }

    /** Handshakes with only the given protocol and suite offered; returns the suite agreed. */
    private static String handshake(SSLContext ctx, int port, String protocol, String suite) throws IOException {
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setEnabledCipherSuites(new String[] {suite});
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void tlsAcceptsAeadSuitesOnlyFromVersion12(@TempDir Path dir) throws Exception {
        Path ks = keystore(dir);
        try (TransportServer server = TransportServer.start(
                TransportConfig.of("127.0.0.1", 0).withTls(new TlsConfig(ks, "changeit")), surface())) {
            SSLContext ctx = trusting(ks);
            assertEquals("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                    handshake(ctx, server.port(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
            assertEquals("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                    handshake(ctx, server.port(), "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"));
            assertEquals("TLS_AES_256_GCM_SHA384", handshake(ctx, server.port(), "TLSv1.3", "TLS_AES_256_GCM_SHA384"));
            // The JDK client still offers these CBC suites; Jetty's default exclusions let the first two through.
            for (String cbc : new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"}) {
                assertThrows(SSLHandshakeException.class, () -> handshake(ctx, server.port(), "TLSv1.2", cbc), cbc);
            }
        }
    }
}
