/**
 * HTI client profiles (seed 001): {@code X-API-Code} codes stored as SHA-256 fingerprints behind the
 * {@link io.hfthot.engine.hti.profile.ProfileStore} SPI, with account name, validity, a per-code request
 * limit per minute and idea filters (asset classes, timeframes, instruments, prefixes, sides).
 * Expired codes are refused.
 */
package io.hfthot.engine.hti.profile;
