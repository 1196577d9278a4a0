package io.hfthot.engine.imports;

/**
 * One data row as read from a file, before validation: each field is the file's value ({@link String} from
 * CSV; {@link Long}, {@link Double}, {@link String} or {@link java.time.Instant} from Parquet) or {@code null}
 * when the row has none.
 *
 * @param line   1-based CSV line or Parquet row
 * @param ts     open time
 * @param open   open price
 * @param high   high price
 * @param low    low price
 * @param close  close price
 * @param volume volume
 * @param symbol symbol, {@code null} when the file has no symbol column
 */
record RawBar(long line, Object ts, Object open, Object high, Object low, Object close, Object volume,
              Object symbol) {
}
