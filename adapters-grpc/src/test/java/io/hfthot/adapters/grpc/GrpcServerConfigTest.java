package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.grpc.tls.GrpcTls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Defaults and validation of the server configuration. */
class GrpcServerConfigTest {
    @Test
    void defaultsArePlaintextOnLoopbackPort50053() {
        GrpcServerConfig c = GrpcServerConfig.defaults();
        assertEquals("127.0.0.1", c.bindHost());
        assertEquals(50053, c.port());
        assertFalse(c.tlsSettings().isPresent());
        assertTrue(c.withTls(new GrpcTls.PemFiles(Path.of("a.pem"), Path.of("k.pem"))).tlsSettings().isPresent());
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> GrpcServerConfig.defaults().withAddress("127.0.0.1", 70000));
        assertTrue(port.getMessage().contains("port") && port.getMessage().contains("70000"), port.getMessage());
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> GrpcServerConfig.defaults().withAddress(" ", 1));
        assertTrue(host.getMessage().contains("bindHost"), host.getMessage());
        IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class,
                () -> GrpcServerConfig.defaults().withStreamBufferSize(0));
        assertTrue(buffer.getMessage().contains("streamBufferSize"), buffer.getMessage());
    }

    @Test
    void pkcs12PasswordIsCopiedAndNeverPrinted() {
        char[] password = "s3cret".toCharArray();
        GrpcTls.Pkcs12 tls = new GrpcTls.Pkcs12(Path.of("server.p12"), password);
        password[0] = 'X';
        assertEquals("s3cret", new String(tls.password()));
        tls.password()[0] = 'Y';
        assertEquals("s3cret", new String(tls.password()));
        assertFalse(tls.toString().contains("s3cret"), tls.toString());
        assertEquals(tls, new GrpcTls.Pkcs12(Path.of("server.p12"), "s3cret".toCharArray()));
        assertNotEquals(tls, new GrpcTls.Pkcs12(Path.of("server.p12"), "other".toCharArray()));
    }
}
