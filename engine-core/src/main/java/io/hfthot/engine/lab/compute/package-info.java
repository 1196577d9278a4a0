/**
 * Bounded execution of compute-heavy lab operations (MFG signals, portfolio optimisation, backtests): a fixed
 * pool, a bounded queue, a deadline and cancellation when the caller goes away.
 */
package io.hfthot.engine.lab.compute;
