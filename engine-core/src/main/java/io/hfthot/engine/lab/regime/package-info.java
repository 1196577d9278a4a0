/** Per-symbol HMM regime detection for the lab: cached fits, per-bar updates and regime-change events. */
package io.hfthot.engine.lab.regime;
