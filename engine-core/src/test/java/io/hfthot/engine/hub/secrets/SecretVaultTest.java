package io.hfthot.engine.hub.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.identity.crypto.SealedValueException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretVaultTest {
    private final InMemorySecretStore store = new InMemorySecretStore();
    private final SecretVault vault = new SecretVault(store,
            new AesGcmSealer(RandomSecrets.system().bytes(32), 3, new SecureRandom()), TestClock.fixed());

    @Test
    void listsNamesOnlyAndStoresCiphertext() {
        vault.put(SecretScope.user("u1"), "OPENAI_API_KEY", "sk-openai-123456");
        vault.put(SecretScope.user("u1"), "ANTHROPIC_API_KEY", "sk-ant-abcdef");
        assertEquals(List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY"), vault.names(SecretScope.user("u1")));
        for (StoredSecret row : store.list(SecretScope.user("u1"))) {
            String bytes = new String(row.sealed(), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("sk-openai") || bytes.contains("sk-ant"));
            assertFalse(row.toString().contains("sk-"));
        }
    }

    @Test
    void agentOverridesUserSecrets() {
        vault.put(SecretScope.user("u1"), "ANTHROPIC_API_KEY", "user-value");
        vault.put(SecretScope.user("u1"), "OPENAI_API_KEY", "openai");
        vault.put(SecretScope.agent("u1", "agent-7"), "ANTHROPIC_API_KEY", "agent-value");
        assertEquals(Map.of("ANTHROPIC_API_KEY", "agent-value", "OPENAI_API_KEY", "openai"),
                vault.environmentFor("u1", "agent-7"));
        assertEquals(Map.of("ANTHROPIC_API_KEY", "user-value", "OPENAI_API_KEY", "openai"),
                vault.environmentFor("u1", "agent-8"));
    }

    @Test
    void tamperedOrMovedCiphertextIsRejected() {
        vault.put(SecretScope.user("u1"), "OPENAI_API_KEY", "sk-openai-123456");
        StoredSecret row = store.find(SecretScope.user("u1"), "OPENAI_API_KEY").orElseThrow();
        byte[] flipped = row.sealed();
        flipped[20] ^= 0x40;
        store.put(new StoredSecret(row.scope(), row.keyName(), flipped, row.updatedAt()));
        assertThrows(SealedValueException.class, () -> vault.environmentFor("u1", "a"));

        store.put(row);
        // Another user copying the intact row into their own scope cannot open it.
        store.put(new StoredSecret(SecretScope.user("u2"), "OPENAI_API_KEY", row.sealed(), row.updatedAt()));
        assertThrows(SealedValueException.class, () -> vault.environmentFor("u2", "a"));
        // Nor can it be renamed.
        store.delete(SecretScope.user("u2"), "OPENAI_API_KEY");
        store.put(new StoredSecret(SecretScope.user("u1"), "OTHER_NAME", row.sealed(), row.updatedAt()));
        assertThrows(SealedValueException.class, () -> vault.environmentFor("u1", "a"));
    }

    @Test
    void validatesNamesAndScopes() {
        assertThrows(IllegalArgumentException.class, () -> vault.put(SecretScope.user("u1"), "1BAD", "v"));
        assertThrows(IllegalArgumentException.class, () -> vault.put(SecretScope.user("u1"), "OK_NAME", ""));
        assertThrows(IllegalArgumentException.class, () -> SecretScope.agent("u1", null));
        assertNotEquals(SecretScope.agent("u:1", "a").key(), SecretScope.agent("u", "1:a").key());
    }
}
