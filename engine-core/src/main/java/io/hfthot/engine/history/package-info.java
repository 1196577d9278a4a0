/** Lakehouse history shared by every surface: versions, time travel and Parquet export of the public tables. */
package io.hfthot.engine.history;
