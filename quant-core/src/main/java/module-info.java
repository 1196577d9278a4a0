/**
 * HFThot quant-core: Gaussian HMM regimes, the mean-field price model, portfolio optimisers, quoting models and
 * the backtester. Depends on the JDK only ({@code java.base}); every package is public API.
 */
module io.hfthot.quant {
    exports io.hfthot.quant;
    exports io.hfthot.quant.backtest;
    exports io.hfthot.quant.hmm;
    exports io.hfthot.quant.marketmaking;
    exports io.hfthot.quant.mfg;
    exports io.hfthot.quant.portfolio;
    exports io.hfthot.quant.qp;
    exports io.hfthot.quant.regime;
    exports io.hfthot.quant.stats;
}
