package io.hfthot.adapters.grpc.service;

import com.google.protobuf.DoubleValue;
import io.hfthot.adapters.grpc.proto.BacktestMetrics;
import io.hfthot.adapters.grpc.proto.BacktestRequest;
import io.hfthot.adapters.grpc.proto.BacktestResponse;
import io.hfthot.adapters.grpc.proto.Bar;
import io.hfthot.adapters.grpc.proto.EquityPoint;
import io.hfthot.adapters.grpc.proto.MFGDiagnostics;
import io.hfthot.adapters.grpc.proto.MFGPoint;
import io.hfthot.adapters.grpc.proto.MFGResponse;
import io.hfthot.adapters.grpc.proto.MatrixRow;
import io.hfthot.adapters.grpc.proto.OHLCVRequest;
import io.hfthot.adapters.grpc.proto.OHLCVResponse;
import io.hfthot.adapters.grpc.proto.OptimizeDiagnostics;
import io.hfthot.adapters.grpc.proto.OptimizeRequest;
import io.hfthot.adapters.grpc.proto.OptimizeResponse;
import io.hfthot.adapters.grpc.proto.RegimeEvent;
import io.hfthot.adapters.grpc.proto.RegimeResponse;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.adapters.grpc.proto.TickerResponse;
import io.hfthot.engine.lab.api.MfgDiagnosticsView;
import io.hfthot.engine.lab.api.MfgPoint;
import io.hfthot.engine.lab.api.MfgPriceResponse;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.lab.api.TickMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates between the proto messages and the engine's request and response records.
 *
 * <p>Proto3 scalars have no presence, so on requests an integer 0 means "not set" and becomes the
 * engine's null (its documented default); every accepted integer parameter is at least 1, so nothing
 * expressible is lost. Floating-point parameters, where 0 is a real choice, are wrapper messages whose
 * absence means "not set". An empty string becomes null too, so the engine reports the parameter as
 * missing. Values are otherwise passed through unchanged: range checks are the engine's, so gRPC and
 * REST reject the same inputs with the same messages.
 */
final class ProtoCodec {
    private ProtoCodec() {
    }

    static String text(String value) {
        return value.isEmpty() ? null : value;
    }

    static Integer count(int value) {
        return value == 0 ? null : value;
    }

    static Long millis(long value) {
        return value == 0 ? null : value;
    }

    static Double wrapped(boolean present, DoubleValue value) {
        return present ? value.getValue() : null;
    }

    static OhlcvRequest ohlcvRequest(OHLCVRequest r) {
        return new OhlcvRequest(text(r.getSymbol()), text(r.getInterval()), millis(r.getStartTime()),
                millis(r.getEndTime()), count(r.getLimit()));
    }

    static OHLCVResponse ohlcvResponse(OhlcvResponse r) {
        OHLCVResponse.Builder b = OHLCVResponse.newBuilder().setSymbol(r.symbol()).setInterval(r.interval())
                .setSource(r.source()).setLatencyMs(r.latencyMs());
        for (io.hfthot.engine.market.Bar bar : r.bars()) {
            b.addBars(Bar.newBuilder().setTime(bar.time()).setOpen(bar.open()).setHigh(bar.high())
                    .setLow(bar.low()).setClose(bar.close()).setVolume(bar.volume()));
        }
        return b.build();
    }

    static TickerResponse tickerResponse(io.hfthot.engine.lab.api.TickerResponse r) {
        return TickerResponse.newBuilder().setSymbol(r.symbol()).setBid(r.bid()).setAsk(r.ask()).setLast(r.last())
                .setTsMs(r.tsMs()).build();
    }

    static RegimeResponse regimeResponse(io.hfthot.engine.lab.api.RegimeResponse r) {
        return RegimeResponse.newBuilder().setSymbol(r.symbol()).setRegime(r.regime()).setConfidence(r.confidence())
                .setStrategy(r.strategy()).putAllStateProbs(r.stateProbs()).setLatencyUs(r.latencyUs()).build();
    }

    static MFGResponse mfgResponse(MfgPriceResponse r) {
        MfgDiagnosticsView d = r.diagnostics();
        MFGResponse.Builder b = MFGResponse.newBuilder().setSymbol(r.symbol()).setHorizonMin(r.horizonMin())
                .setNAgents(r.nAgents()).setCurrentPrice(r.currentPrice()).setTargetPrice(r.targetPrice())
                .setLatencyUs(r.latencyUs())
                .setDiagnostics(MFGDiagnostics.newBuilder().setStatus(d.status())
                        .setOuterIterations(d.outerIterations()).setResidual(d.residual())
                        .setMassError(d.massError()).setOdeRelativeError(d.odeRelativeError())
                        .setNAgentsMeanInventory(d.nAgentsMeanInventory())
                        .setPriceVolatilityPerMinute(d.priceVolatilityPerMinute()));
        for (MfgPoint p : r.trajectory()) {
            b.addTrajectory(MFGPoint.newBuilder().setTMin(p.tMin()).setPrice(p.price())
                    .setMeanInventory(p.meanInventory()).setMeanTradingSpeed(p.meanTradingSpeed()));
        }
        return b.build();
    }

    static io.hfthot.engine.lab.api.OptimizeRequest optimizeRequest(OptimizeRequest r) {
        List<List<Double>> covariance = null;
        if (r.getCovarianceCount() > 0) {
            covariance = new ArrayList<>(r.getCovarianceCount());
            for (MatrixRow row : r.getCovarianceList()) {
                covariance.add(row.getValuesList());
            }
        }
        return new io.hfthot.engine.lab.api.OptimizeRequest(text(r.getMethod()), r.getSymbolsList(),
                count(r.getLookbackDays()), wrapped(r.hasGamma(), r.getGamma()), wrapped(r.hasRho(), r.getRho()),
                r.getExpectedReturnsCount() == 0 ? null : r.getExpectedReturnsList(), covariance);
    }

    static OptimizeResponse optimizeResponse(io.hfthot.engine.lab.api.OptimizeResponse r) {
        io.hfthot.engine.lab.api.OptimizeDiagnostics d = r.diagnostics();
        return OptimizeResponse.newBuilder().setMethod(r.method()).putAllWeights(r.weights()).setStatus(r.status())
                .setDiagnostics(OptimizeDiagnostics.newBuilder().setIterations(d.iterations())
                        .setResidual(d.residual()).setExpectedReturn(d.expectedReturn())
                        .setVolatility(d.volatility()).putAllRiskContributions(d.riskContributions())
                        .setInputs(d.inputs()).setObservations(d.observations()))
                .build();
    }

    static io.hfthot.engine.lab.api.BacktestRequest backtestRequest(BacktestRequest r) {
        return new io.hfthot.engine.lab.api.BacktestRequest(text(r.getMethod()), r.getSymbolsList(),
                millis(r.getStartTime()), millis(r.getEndTime()), count(r.getLookbackDays()),
                count(r.getRebalanceDays()), wrapped(r.hasCostBps(), r.getCostBps()),
                wrapped(r.hasGamma(), r.getGamma()), wrapped(r.hasRho(), r.getRho()));
    }

    static BacktestResponse backtestResponse(io.hfthot.engine.lab.api.BacktestResponse r) {
        io.hfthot.engine.lab.api.BacktestMetrics m = r.metrics();
        BacktestResponse.Builder b = BacktestResponse.newBuilder().setMethod(r.method()).addAllSymbols(r.symbols())
                .setRebalances(r.rebalances())
                .setMetrics(BacktestMetrics.newBuilder().setPeriods(m.periods()).setTotalReturn(m.totalReturn())
                        .setCagr(m.cagr()).setAnnualVolatility(m.annualVolatility()).setSharpe(m.sharpe())
                        .setSortino(m.sortino()).setMaxDrawdown(m.maxDrawdown()).setTurnover(m.turnover())
                        .setCosts(m.costs()));
        for (io.hfthot.engine.lab.api.EquityPoint p : r.equityCurve()) {
            b.addEquityCurve(EquityPoint.newBuilder().setTime(p.time()).setEquity(p.equity()));
        }
        return b.build();
    }

    static Tick tick(TickMessage t) {
        return Tick.newBuilder().setSymbol(t.symbol()).setPrice(t.price()).setQty(t.qty()).setSide(t.side())
                .setTsMs(t.tsMs()).setLatencyUs(t.latencyUs()).setSeq(t.seq()).build();
    }

    static RegimeEvent regimeEvent(RegimeChangeMessage m) {
        return RegimeEvent.newBuilder().setType(m.type()).setSymbol(m.symbol()).setFromRegime(m.from())
                .setToRegime(m.to()).setConfidence(m.confidence()).setRecommendedStrategy(m.recommendedStrategy())
                .setTsMs(m.tsMs()).build();
    }
}
