/**
 * Delta Lake protocol tables on Parquet: atomic commits, log replay, checkpoints, time travel, history, vacuum and erasure.
 */
package io.hfthot.lakehouse;
