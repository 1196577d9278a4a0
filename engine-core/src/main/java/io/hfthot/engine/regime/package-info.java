/** Per-symbol HMM regime detection shared by every surface: cached fits, per-bar updates and regime-change events. */
package io.hfthot.engine.regime;
