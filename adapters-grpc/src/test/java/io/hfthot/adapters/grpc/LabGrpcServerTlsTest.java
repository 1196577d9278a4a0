package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.TickerRequest;
import io.hfthot.adapters.grpc.proto.TickerResponse;
import io.hfthot.adapters.grpc.tls.GrpcTls;
import io.hfthot.engine.identity.Tier;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS handshakes against a self-signed certificate made by {@code keytool} in the test: the server
 * configured from PEM files and from a PKCS#12 keystore, a client that trusts the certificate, a
 * plaintext client refused, and a misconfigured certificate failing at start rather than serving
 * plaintext.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabGrpcServerTlsTest {
    private LabFixture lab;
    private SelfSignedCertificate certificate;
    private String key;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        lab = new LabFixture(dir.resolve("lab"));
        Files.createDirectories(dir.resolve("tls"));
        certificate = SelfSignedCertificate.create(dir.resolve("tls"));
        key = lab.key(Tier.ENTERPRISE);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    private LabGrpcServer serve(GrpcTls tls) {
        return LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0).withTls(tls),
                lab.engine, lab.clock);
    }

    private TickerResponse ticker(int port, ChannelCredentials credentials, String authority) throws Exception {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, credentials)
                .overrideAuthority(authority).build();
        try {
            return MarketServiceGrpc.newBlockingStub(channel).withInterceptors(LabFixture.withKey(key))
                    .getTicker(TickerRequest.newBuilder().setSymbol("BTC-USDT").build());
        } finally {
            LabFixture.shutdown(channel);
        }
    }

    private ChannelCredentials trusting() throws Exception {
        return TlsChannelCredentials.newBuilder().trustManager(certificate.certificatePem().toFile()).build();
    }

    @Test
    void pemCertificateAndKeyServeTls() throws Exception {
        try (LabGrpcServer server = serve(new GrpcTls.PemFiles(certificate.certificatePem(),
                certificate.privateKeyPem()))) {
            assertTrue(server.isTls());
            assertEquals("BTC-USDT", ticker(server.port(), trusting(), "localhost").getSymbol());
        }
    }

    @Test
    void pkcs12KeystoreServesTls() throws Exception {
        try (LabGrpcServer server = serve(new GrpcTls.Pkcs12(certificate.pkcs12(), certificate.password()))) {
            assertEquals("BTC-USDT", ticker(server.port(), trusting(), "localhost").getSymbol());
        }
    }

    @Test
    void clientsThatDoNotTrustTheCertificateOrSpeakPlaintextAreRefused() throws Exception {
        try (LabGrpcServer server = serve(new GrpcTls.PemFiles(certificate.certificatePem(),
                certificate.privateKeyPem()))) {
            StatusRuntimeException plaintext = assertThrows(StatusRuntimeException.class,
                    () -> ticker(server.port(), InsecureChannelCredentials.create(), "localhost"));
            assertEquals(Status.Code.UNAVAILABLE, plaintext.getStatus().getCode());
            StatusRuntimeException untrusted = assertThrows(StatusRuntimeException.class,
                    () -> ticker(server.port(), TlsChannelCredentials.create(), "localhost"));
            assertEquals(Status.Code.UNAVAILABLE, untrusted.getStatus().getCode());
            StatusRuntimeException wrongName = assertThrows(StatusRuntimeException.class,
                    () -> ticker(server.port(), trusting(), "api.example.org"));
            assertEquals(Status.Code.UNAVAILABLE, wrongName.getStatus().getCode());
        }
    }

    @Test
    void unreadableOrWrongTlsMaterialFailsAtStart(@TempDir Path dir) throws Exception {
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> serve(new GrpcTls.PemFiles(dir.resolve("nope.pem"), certificate.privateKeyPem())));
        assertTrue(missing.getMessage().contains("nope.pem"), missing.getMessage());
        Path notAKey = Files.writeString(dir.resolve("bad.key.pem"), "not a key");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> serve(new GrpcTls.PemFiles(certificate.certificatePem(), notAKey)));
        assertTrue(bad.getMessage().contains("bad.key.pem"), bad.getMessage());
        UncheckedIOException wrongPassword = assertThrows(UncheckedIOException.class,
                () -> serve(new GrpcTls.Pkcs12(certificate.pkcs12(), "wrong".toCharArray())));
        assertTrue(wrongPassword.getMessage().contains("server.p12"), wrongPassword.getMessage());
    }
}
