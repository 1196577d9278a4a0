package io.hfthot.engine.hub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class HubAuthServiceTest {
    private static final byte[] JWT_SECRET = "0123456789abcdef0123456789abcdef-hub".getBytes(StandardCharsets.UTF_8);
    // Light argon2id parameters keep the suite fast; production uses Argon2idPasswords.OWASP.
    private static final Argon2idPasswords PASSWORDS = new Argon2idPasswords(1024, 1, 1);

    private final TestClock clock = TestClock.fixed();
    private final InMemoryHubUserStore users = new InMemoryHubUserStore();
    private final InMemoryRefreshTokenStore refreshTokens = new InMemoryRefreshTokenStore();
    private final InMemoryHubApiKeyStore apiKeys = new InMemoryHubApiKeyStore();
    private final HubAuthService hub = new HubAuthService(users, refreshTokens, apiKeys, PASSWORDS,
            new AccessTokens(JWT_SECRET, AccessTokens.DEFAULT_LIFETIME, clock), HubAuthService.DEFAULT_REFRESH_LIFETIME,
            RandomSecrets.system(), clock);

    private static HubAuthException.Reason failure(Executable call) {
        return assertThrows(HubAuthException.class, call).reason();
    }

    @Test
    void passwordsAreStoredAsArgon2id() {
        HubUser user = hub.register("User@Example.com", "correct horse");
        HubUser stored = users.findByEmail("user@example.com").orElseThrow();
        assertTrue(stored.passwordHash().startsWith("$argon2id$v=19$"), stored.passwordHash());
        assertFalse(stored.passwordHash().contains("correct horse"));
        assertFalse(stored.toString().contains(stored.passwordHash()));
        assertEquals(user, stored);
        assertEquals(HubAuthException.Reason.EMAIL_TAKEN, failure(() -> hub.register("user@example.com", "another pw")));
        assertTrue(Argon2idPasswords.OWASP.verify("pw-owasp", Argon2idPasswords.OWASP.hash("pw-owasp")));
    }

    @Test
    void loginIssuesBearerPairAndWrongPasswordFails() {
        hub.register("alice@example.com", "s3cret-pass");
        TokenPair pair = hub.login("ALICE@example.com", "s3cret-pass");
        assertEquals("bearer", pair.toFields().get("token_type"));
        assertEquals(900L, pair.expiresIn());
        HubPrincipal p = hub.authenticateBearer("Bearer " + pair.accessToken());
        assertEquals(HubPrincipal.Method.JWT, p.method());
        assertEquals(users.findByEmail("alice@example.com").orElseThrow().userId(), p.userId());
        assertEquals(HubAuthException.Reason.INVALID_CREDENTIALS, failure(() -> hub.login("alice@example.com", "nope")));
        assertEquals(HubAuthException.Reason.INVALID_CREDENTIALS, failure(() -> hub.login("bob@example.com", "s3cret-pass")));
        assertEquals(HubAuthException.Reason.INVALID_CREDENTIALS, failure(() -> hub.login("not-an-email", "x")));
    }

    @Test
    void accessTokensExpireAfter15Minutes() {
        hub.register("alice@example.com", "s3cret-pass");
        TokenPair pair = hub.login("alice@example.com", "s3cret-pass");
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        hub.authenticateBearer(pair.accessToken());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(HubAuthException.Reason.TOKEN_EXPIRED, failure(() -> hub.authenticateBearer(pair.accessToken())));
    }

    @Test
    void forgedAndTamperedTokensAreRejected() throws Exception {
        hub.register("alice@example.com", "s3cret-pass");
        String token = hub.login("alice@example.com", "s3cret-pass").accessToken();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"someone-else\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID,
                failure(() -> hub.authenticateBearer(parts[0] + "." + forgedPayload + "." + parts[2])));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID, failure(() -> hub.authenticateBearer("garbage")));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID, failure(() -> hub.authenticateBearer(null)));

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertEquals(HubAuthException.Reason.TOKEN_INVALID,
                failure(() -> hub.authenticateBearer(new PlainJWT(claims).serialize())));
        SignedJWT otherKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        otherKey.sign(new MACSigner("another-32-byte-secret-another-32-byte".getBytes(StandardCharsets.UTF_8)));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID, failure(() -> hub.authenticateBearer(otherKey.serialize())));
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner((new String(JWT_SECRET, StandardCharsets.UTF_8) + "-padded-to-64-bytes-for-hs512-xxxxx")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID, failure(() -> hub.authenticateBearer(hs512.serialize())));
        // A refresh-style token signed with the right key but without token_use=access is refused.
        SignedJWT notAccess = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder(claims).claim("token_use", "refresh").expirationTime(
                        Date.from(clock.instant().plusSeconds(60))).build());
        notAccess.sign(new MACSigner(JWT_SECRET));
        assertEquals(HubAuthException.Reason.TOKEN_INVALID, failure(() -> hub.authenticateBearer(notAccess.serialize())));
    }

    @Test
    void refreshRotatesAndDetectsReuse() {
        hub.register("alice@example.com", "s3cret-pass");
        TokenPair first = hub.login("alice@example.com", "s3cret-pass");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(HubAuthException.Reason.TOKEN_EXPIRED, failure(() -> hub.authenticateBearer(first.accessToken())));
        TokenPair second = hub.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        hub.authenticateBearer(second.accessToken());
        TokenPair third = hub.refresh(second.refreshToken());

        // The first token again: reuse. The whole family (including the live third token) is revoked.
        assertEquals(HubAuthException.Reason.REFRESH_REUSED, failure(() -> hub.refresh(first.refreshToken())));
        assertEquals(HubAuthException.Reason.REFRESH_INVALID, failure(() -> hub.refresh(third.refreshToken())));
        // A separate login is a separate family and still works.
        TokenPair other = hub.login("alice@example.com", "s3cret-pass");
        assertTrue(hub.refresh(other.refreshToken()).refreshToken().startsWith("hrt_"));
        assertEquals(HubAuthException.Reason.REFRESH_INVALID, failure(() -> hub.refresh("hrt_unknown")));
    }

    @Test
    void refreshTokensExpireAndLogoutRevokes() {
        hub.register("alice@example.com", "s3cret-pass");
        TokenPair pair = hub.login("alice@example.com", "s3cret-pass");
        clock.advance(HubAuthService.DEFAULT_REFRESH_LIFETIME);
        assertEquals(HubAuthException.Reason.REFRESH_INVALID, failure(() -> hub.refresh(pair.refreshToken())));

        TokenPair fresh = hub.login("alice@example.com", "s3cret-pass");
        assertEquals(1, hub.logout(fresh.refreshToken()));
        assertEquals(HubAuthException.Reason.REFRESH_INVALID, failure(() -> hub.refresh(fresh.refreshToken())));
    }

    @Test
    void refreshTokensAreStoredHashedOnly() {
        HubUser user = hub.register("alice@example.com", "s3cret-pass");
        TokenPair pair = hub.login("alice@example.com", "s3cret-pass");
        RefreshTokenRecord row = refreshTokens.find(Fingerprint.of(pair.refreshToken())).orElseThrow();
        assertEquals(user.userId(), row.userId());
        assertFalse(row.toString().contains(pair.refreshToken().substring(4)));
        assertFalse(pair.toString().contains(pair.refreshToken()));
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndRegeneratedAway() {
        HubUser user = hub.register("alice@example.com", "s3cret-pass");
        String first = hub.regenerateApiKey(user.userId());
        assertEquals(new HubPrincipal(user.userId(), HubPrincipal.Method.API_KEY), hub.authenticateApiKey(first));
        for (HubApiKeyRecord row : apiKeys.byUser(user.userId())) {
            assertFalse((row.toString() + row.hint()).contains(first.substring(4, 40)));
            assertEquals(Fingerprint.of(first), row.fingerprint());
        }
        String second = hub.regenerateApiKey(user.userId());
        assertEquals(HubAuthException.Reason.API_KEY_INVALID, failure(() -> hub.authenticateApiKey(first)));
        assertEquals(user.userId(), hub.authenticateApiKey(second).userId());
        assertEquals(HubAuthException.Reason.API_KEY_INVALID, failure(() -> hub.authenticateApiKey(null)));
        assertThrows(IllegalArgumentException.class, () -> hub.regenerateApiKey("no-such-user"));

        TokenPair pair = hub.login("alice@example.com", "s3cret-pass");
        assertEquals(2, hub.revokeEverything(user.userId()));
        assertEquals(HubAuthException.Reason.API_KEY_INVALID, failure(() -> hub.authenticateApiKey(second)));
        assertEquals(HubAuthException.Reason.REFRESH_INVALID, failure(() -> hub.refresh(pair.refreshToken())));
    }

    @Test
    void internalSecretComparesExactly() {
        InternalSecret secret = new InternalSecret("agent-push-secret-0001");
        assertTrue(secret.matches("agent-push-secret-0001"));
        assertFalse(secret.matches("agent-push-secret-0002"));
        assertFalse(secret.matches("agent-push-secret-000"));
        assertFalse(secret.matches(null));
        assertFalse(secret.toString().contains("agent"));
        assertThrows(IllegalArgumentException.class, () -> new InternalSecret("short"));
    }
}
