package io.hfthot.adapters.http.jetty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS from a PKCS#12 keystore holding the server's private key and certificate chain; with it the
 * listener serves HTTPS and WSS.
 *
 * @param keystore a PKCS#12 file ({@code .p12}/{@code .pfx}), e.g. made with
 *                 {@code keytool -genkeypair -storetype PKCS12}
 * @param password the keystore (and key) password
 */
public record TlsConfig(Path keystore, String password) {
    /** Validates the fields. */
    public TlsConfig {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        if (!Files.isReadable(keystore)) {
            throw new IllegalArgumentException("TLS keystore '" + keystore + "' does not exist or is not readable; "
                    + "expected a PKCS#12 file");
        }
    }

    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", password=***]";
    }
}
