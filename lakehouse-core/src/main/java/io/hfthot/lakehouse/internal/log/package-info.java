/**
 * The {@code _delta_log}: listing, log replay into table state, checkpoints and the protocol checks that refuse
 * tables needing unsupported features.
 */
package io.hfthot.lakehouse.internal.log;
