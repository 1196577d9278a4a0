/**
 * Lakehouse-backed identity stores: {@code auth.api_keys} (key hashes, never raw keys) and {@code auth.usage}
 * (per-key daily request counts), which survive a restart and can be time-travelled like any Delta table.
 */
package io.hfthot.engine.identity.lakehouse;
