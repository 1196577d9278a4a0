/**
 * Hub identity (seed 004): users with argon2id password hashes, HS256 JWT access tokens (15 minutes),
 * opaque refresh tokens rotated on every use with reuse detection, hub API keys shown once and stored
 * as SHA-256, and the shared secret that authenticates agents' internal push endpoints.
 * Stores are SPIs ({@link io.hfthot.engine.hub.auth.HubUserStore},
 * {@link io.hfthot.engine.hub.auth.RefreshTokenStore}, {@link io.hfthot.engine.hub.auth.HubApiKeyStore})
 * with in-memory defaults.
 */
package io.hfthot.engine.hub.auth;
