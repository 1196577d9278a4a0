package io.hfthot.engine;

import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.hub.secrets.SecretStore;
import java.util.Objects;

/**
 * The identity stores of the HTI and hub surfaces, chosen on the {@link EngineBuilder}: HTI API codes with their
 * profiles, hub users, hub API keys, refresh tokens and sealed secrets.
 *
 * @param profiles      HTI API codes (hashed) and their profiles
 * @param hubUsers      hub users and their password hashes
 * @param hubApiKeys    hub API keys (SHA-256 hashes)
 * @param refreshTokens hub refresh tokens and their families
 * @param secrets       users' and agents' sealed secrets
 */
public record SurfaceStores(ProfileStore profiles, HubUserStore hubUsers, HubApiKeyStore hubApiKeys,
        RefreshTokenStore refreshTokens, SecretStore secrets) {
    /** Checks that every store is present. */
    public SurfaceStores {
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(hubUsers, "hubUsers");
        Objects.requireNonNull(hubApiKeys, "hubApiKeys");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(secrets, "secrets");
    }
}
