package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.keys.MasterKeySource;
import io.hfthot.engine.keys.MasterKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server with its master key outside the data directory: a provider key sealed under it opens after a
 * restart with the same key, the key appears in no file of the data directory, and a start with another key is
 * refused with a sentence (and releases the data directory).
 */
class MasterKeyStartTest {
    private static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private static boolean dataDirHolds(Path data, String base64Key) throws Exception {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (content.contains(base64Key) || content.contains(new String(raw, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aKeyFromTheEnvironmentSealsAcrossRestartsStaysOutOfTheDataDirectoryAndAWrongOneIsRefused(@TempDir Path tmp)
            throws Exception {
        Path data = tmp.resolve("data");
        String key = randomKey();
        ServerConfig right = ServerConfig.ephemeral(data)
                .withStorage(ServerConfig.ephemeral(data).storage().withMasterKey(MasterKeySource.base64("HFTHOT_MASTER_KEY", key)));
        try (ReferenceServer server = ReferenceServer.start(right)) {
            server.lab().providerKeys().register("user-1", "finnhub", "fh-secret-token",
                    io.hfthot.engine.usage.provider.ProviderBudget.FINNHUB);
        }
        assertFalse(Files.exists(data.resolve(MasterKeys.DATA_DIR_FILE)), "no key file in the data directory");
        assertFalse(dataDirHolds(data, key), "the key is in no file of the data directory");

        ServerConfig wrong = right.withStorage(right.storage().withMasterKey(
                MasterKeySource.base64("HFTHOT_MASTER_KEY", randomKey())));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ReferenceServer.start(wrong));
        assertTrue(refused.getMessage().startsWith("the master key from HFTHOT_MASTER_KEY is not the key that sealed "
                + "the provider keys of this data directory"), refused.getMessage());

        // The refused start let go of the data directory: the right key starts and opens the sealed value.
        try (ReferenceServer again = ReferenceServer.start(right)) {
            assertEquals("fh-secret-token", again.lab().providerKeys().acquire("user-1", "finnhub").orElseThrow().apiKey());
        }
    }
}
