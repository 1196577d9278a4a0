package io.hfthot.adapters.grpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for {@code localhost} / {@code 127.0.0.1}, made with the JDK's own
 * {@code keytool} (no extra library), in both forms the server accepts: a PKCS#12 keystore and the PEM
 * certificate plus PKCS#8 key exported from it. The PEM certificate doubles as the clients' trust root.
 */
record SelfSignedCertificate(Path pkcs12, char[] password, Path certificatePem, Path privateKeyPem) {
    static SelfSignedCertificate create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path p12 = dir.resolve("server.p12");
        String password = "changeit";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hfthot",
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("hfthot", password.toCharArray());
        Certificate certificate = store.getCertificate("hfthot");
        Path certPem = dir.resolve("server.crt.pem");
        Path keyPem = dir.resolve("server.key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
        // PrivateKey.getEncoded() of a JDK EC key is PKCS#8, the form "BEGIN PRIVATE KEY" denotes.
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedCertificate(p12, password.toCharArray(), certPem, keyPem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
