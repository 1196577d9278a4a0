/**
 * The engine's data directory as a resource: whether it can take writes now ({@link
 * io.hfthot.engine.storage.StorageGuard}: a full disk makes it read-only until space returns) and the
 * options that say where the secrets it needs live ({@link io.hfthot.engine.storage.StorageOptions}).
 */
package io.hfthot.engine.storage;
