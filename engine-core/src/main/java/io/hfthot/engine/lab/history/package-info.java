/** Lakehouse history for the lab's API: versions, time travel and Parquet export of the public tables. */
package io.hfthot.engine.lab.history;
