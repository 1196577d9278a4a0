/** The lab's quantitative operations over lakehouse history: MFG price signals, portfolios and backtests. */
package io.hfthot.engine.lab.quant;
