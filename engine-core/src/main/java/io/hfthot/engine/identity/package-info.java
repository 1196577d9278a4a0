/**
 * HFThot API keys (seed 000): tiers by key prefix, keys generated from a CSPRNG and shown once,
 * stored only as SHA-256 fingerprints behind the {@link io.hfthot.engine.identity.ApiKeyStore} SPI,
 * revocation, and the authenticated {@link io.hfthot.engine.identity.Principal}.
 */
package io.hfthot.engine.identity;
