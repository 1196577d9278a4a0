package io.hfthot.adapters.grpc.tls;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;

/**
 * Where the gRPC server finds its TLS certificate and private key: PEM files or a PKCS#12 keystore.
 *
 * <p>Either form is turned into grpc-java {@link ServerCredentials} by {@link #serverCredentials()}, which
 * reads the files at that moment and fails fast (with the path in the message) when they are missing or
 * unreadable, so a misconfigured server refuses to start rather than serving plaintext.
 */
public sealed interface GrpcTls permits GrpcTls.PemFiles, GrpcTls.Pkcs12 {

    /**
     * Builds the server credentials.
     *
     * @return TLS server credentials holding the key and certificate chain
     * @throws UncheckedIOException     when a file cannot be read
     * @throws IllegalArgumentException when a file does not hold a usable key or certificate
     */
    ServerCredentials serverCredentials();

    /**
     * A PEM certificate chain (leaf first) and its PEM private key.
     *
     * <p>The key must be unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the form grpc-java's
     * {@link TlsServerCredentials.Builder#keyManager(java.io.File, java.io.File)} parses without extra
     * providers; convert a PKCS#1 key with {@code openssl pkcs8 -topk8 -nocrypt}.
     *
     * @param certificateChain the PEM certificate chain file
     * @param privateKey       the PEM PKCS#8 private key file
     */
    record PemFiles(Path certificateChain, Path privateKey) implements GrpcTls {
        /** Validates that both paths are given. */
        public PemFiles {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        @Override
        public ServerCredentials serverCredentials() {
            requireReadable(certificateChain, "certificate chain");
            requireReadable(privateKey, "private key");
            try {
                return TlsServerCredentials.newBuilder()
                        .keyManager(certificateChain.toFile(), privateKey.toFile())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read TLS PEM files " + certificateChain + " and " + privateKey, e);
            } catch (RuntimeException e) {
                // grpc-java reports unparsable PEM as IllegalArgumentException/IllegalStateException without the path.
                throw new IllegalArgumentException("TLS PEM files " + certificateChain + " and " + privateKey
                        + " do not hold a PEM certificate chain and an unencrypted PKCS#8 private key: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A PKCS#12 keystore holding one private key entry and its certificate chain.
     *
     * @param keystore the {@code .p12} file
     * @param password the keystore password, also used for the key entry (as {@code keytool} writes it);
     *                 copied in, and copied out by {@link #password()}
     */
    record Pkcs12(Path keystore, char[] password) implements GrpcTls {
        /** Validates and copies the fields. */
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
            password = password.clone();
        }

        /**
         * Returns a copy of the password.
         *
         * @return the password
         */
        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public ServerCredentials serverCredentials() {
            requireReadable(keystore, "PKCS#12 keystore");
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                return TlsServerCredentials.newBuilder().keyManager(factory.getKeyManagers()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read PKCS#12 keystore " + keystore
                        + " (wrong password or not a PKCS#12 file)", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("PKCS#12 keystore " + keystore + " holds no usable key: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pkcs12 p && keystore.equals(p.keystore) && Arrays.equals(password, p.password);
        }

        @Override
        public int hashCode() {
            return 31 * keystore.hashCode() + Arrays.hashCode(password);
        }

        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=***]";
        }
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException("TLS " + what + " file " + file
                    + " does not exist or is not readable"));
        }
    }
}
