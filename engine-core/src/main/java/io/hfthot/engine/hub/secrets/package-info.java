/**
 * Per-user and per-agent secrets of the hub (seed 004), sealed with AES-GCM behind the
 * {@link io.hfthot.engine.hub.secrets.SecretStore} SPI; only key names are ever listed.
 */
package io.hfthot.engine.hub.secrets;
