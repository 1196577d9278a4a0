/**
 * Table operations behind the public API: partition value encoding, data file paths, the optimistic commit loop
 * with conflict checks, scans, vacuum and erasure.
 */
package io.hfthot.lakehouse.internal.table;
