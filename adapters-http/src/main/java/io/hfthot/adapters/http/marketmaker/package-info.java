/** Seed 003's market-maker HTTP surface: the trade stream and health, over the engine's event bus. */
package io.hfthot.adapters.http.marketmaker;
