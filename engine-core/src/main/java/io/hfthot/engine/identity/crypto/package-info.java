/**
 * Cryptographic building blocks shared by the identity services: random secrets from a CSPRNG,
 * SHA-256 fingerprints compared in constant time, and AES-256-GCM sealing of values at rest.
 * Everything here uses the JDK's own providers; no secret is ever logged or put in a message.
 */
package io.hfthot.engine.identity.crypto;
