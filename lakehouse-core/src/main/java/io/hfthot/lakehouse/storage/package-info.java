/**
 * Storage SPI for Delta tables: the few file operations the protocol needs, with atomic put-if-absent for commits.
 */
package io.hfthot.lakehouse.storage;
