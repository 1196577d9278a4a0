/**
 * Lakehouse-backed defaults of the hub's stores: users, API keys, refresh tokens, sealed secrets, agents and
 * their trades and logs live in Delta tables under the {@code hub} schema, so they survive restarts. Each store
 * is an append-only log replayed into an in-memory index at open; writes commit before the index changes.
 */
package io.hfthot.engine.hub.store;
