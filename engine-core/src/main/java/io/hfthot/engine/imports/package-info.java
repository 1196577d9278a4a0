/**
 * Bulk import of real market data (OHLCV bars from CSV or Parquet files) into the lab's
 * {@code market.ohlcv} table.
 *
 * <p>Entry point: {@link io.hfthot.engine.imports.BarImporter}. Every row is validated before anything is
 * written, and a whole import (all its files) becomes one lakehouse commit, so a failed import leaves the
 * table at its previous version. See {@code docs/importing.md} for formats and rules.
 */
package io.hfthot.engine.imports;
