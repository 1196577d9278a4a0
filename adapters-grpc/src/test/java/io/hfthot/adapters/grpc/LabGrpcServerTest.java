package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DoubleValue;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.adapters.grpc.proto.BacktestRequest;
import io.hfthot.adapters.grpc.proto.BacktestResponse;
import io.hfthot.adapters.grpc.proto.MFGRequest;
import io.hfthot.adapters.grpc.proto.MFGResponse;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.MatrixRow;
import io.hfthot.adapters.grpc.proto.OHLCVRequest;
import io.hfthot.adapters.grpc.proto.OHLCVResponse;
import io.hfthot.adapters.grpc.proto.OptimizeRequest;
import io.hfthot.adapters.grpc.proto.OptimizeResponse;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.adapters.grpc.proto.RegimeEvent;
import io.hfthot.adapters.grpc.proto.RegimeRequest;
import io.hfthot.adapters.grpc.proto.RegimeResponse;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.adapters.grpc.proto.TickerRequest;
import io.hfthot.adapters.grpc.proto.TickerResponse;
import io.hfthot.adapters.grpc.service.GrpcErrors;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over a real port: grpc-java's Netty client against {@link LabGrpcServer} on 127.0.0.1 over a
 * real (small) engine. Covers every rpc, every error code and the tier gate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabGrpcServerTest {
    private static final Set<String> REGIMES = Set.of("trending", "mean_reverting", "volatile");

    private LabFixture lab;
    private LabGrpcServer server;
    private ManagedChannel channel;
    private String proKey;

    @BeforeAll
    void start(@TempDir Path dir) {
        lab = new LabFixture(dir);
        server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0), lab.engine, lab.clock);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        proKey = lab.key(Tier.PROFESSIONAL);
    }

    @AfterAll
    void stop() throws InterruptedException {
        LabFixture.shutdown(channel);
        server.close();
        lab.close();
    }

    private MarketServiceGrpc.MarketServiceBlockingStub market(String key) {
        return MarketServiceGrpc.newBlockingStub(channel).withInterceptors(LabFixture.withKey(key));
    }

    private SignalServiceGrpc.SignalServiceBlockingStub signals(String key) {
        return SignalServiceGrpc.newBlockingStub(channel).withInterceptors(LabFixture.withKey(key));
    }

    private PortfolioServiceGrpc.PortfolioServiceBlockingStub portfolio(String key) {
        return PortfolioServiceGrpc.newBlockingStub(channel).withInterceptors(LabFixture.withKey(key));
    }

    // ------------------------------------------------------------------ every rpc

    @Test
    void getTickerQuotesTheTopOfTheBook() {
        TickerResponse t = market(proKey).getTicker(TickerRequest.newBuilder().setSymbol("BTC-USDT").build());
        assertEquals("BTC-USDT", t.getSymbol());
        assertTrue(t.getBid() > 0 && t.getBid() < t.getAsk(), t.toString());
        assertTrue(t.getLast() > 0);
        assertEquals(lab.engine.ticker("BTC-USDT").tsMs(), t.getTsMs());
    }

    @Test
    void getOhlcvReturnsTheEnginesBarsWithTheRestDefaults() {
        OHLCVResponse r = market(proKey).getOHLCV(OHLCVRequest.newBuilder().setSymbol("ETH-USDT").setInterval("5m")
                .setLimit(100).build());
        assertEquals("ETH-USDT", r.getSymbol());
        assertEquals("5m", r.getInterval());
        assertEquals("hfthot-lakehouse", r.getSource());
        assertEquals(100, r.getBarsCount());
        for (int i = 1; i < r.getBarsCount(); i++) {
            assertEquals(r.getBars(i - 1).getTime() + 300_000, r.getBars(i).getTime(), "5m bars are contiguous");
            assertTrue(r.getBars(i).getLow() <= r.getBars(i).getHigh());
        }
        // limit 0 means "not set": the REST default of 500 bars (the default window reaches back 1000 bars).
        OHLCVResponse defaults = market(proKey).getOHLCV(OHLCVRequest.newBuilder().setSymbol("ETH-USDT")
                .setInterval("5m").build());
        assertEquals(500, defaults.getBarsCount());
        assertEquals(r.getBars(99), defaults.getBars(499), "both end at the latest closed bar");
    }

    @Test
    void getRegimeAnswersWithProbabilitiesThatSumToOne() {
        RegimeResponse r = signals(proKey).getRegime(RegimeRequest.newBuilder().setSymbol("BTC-USDT")
                .setLookback(200).build());
        assertEquals("BTC-USDT", r.getSymbol());
        assertTrue(REGIMES.contains(r.getRegime()), r.getRegime());
        assertEquals(REGIMES, r.getStateProbsMap().keySet());
        double sum = r.getStateProbsMap().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(r.getStateProbsOrThrow(r.getRegime()), r.getConfidence(), 1e-12);
        assertFalse(r.getStrategy().isEmpty());
        assertTrue(r.getLatencyUs() >= 0);
        io.hfthot.engine.lab.api.RegimeResponse engine = lab.engine.regime("BTC-USDT", 200);
        assertEquals(engine.regime(), r.getRegime());
        assertEquals(engine.confidence(), r.getConfidence(), 0.0);
    }

    @Test
    void getMfgPriceAppliesDefaultsAndReturnsTheTrajectory() {
        MFGResponse r = signals(proKey).getMFGPrice(MFGRequest.newBuilder().setSymbol("SOL-USDT").build());
        assertEquals("SOL-USDT", r.getSymbol());
        assertEquals(5, r.getHorizonMin());
        assertEquals(1000, r.getNAgents());
        assertTrue(r.getTrajectoryCount() >= 2);
        assertEquals(0.0, r.getTrajectory(0).getTMin(), 1e-12);
        assertEquals(5.0, r.getTrajectory(r.getTrajectoryCount() - 1).getTMin(), 1e-9);
        assertEquals(r.getTrajectory(r.getTrajectoryCount() - 1).getPrice(), r.getTargetPrice(), 1e-12);
        assertFalse(r.getDiagnostics().getStatus().isEmpty());
    }

    @Test
    void optimizeRiskParityOverLakehouseHistoryFullyInvests() {
        OptimizeResponse r = portfolio(proKey).optimize(OptimizeRequest.newBuilder().setMethod("risk_parity")
                .addSymbols("BTC-USDT").addSymbols("ETH-USDT").addSymbols("SOL-USDT").setLookbackDays(30).build());
        assertEquals("risk_parity", r.getMethod());
        assertEquals(Set.of("BTC-USDT", "ETH-USDT", "SOL-USDT"), r.getWeightsMap().keySet());
        assertEquals(1.0, r.getWeightsMap().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-8);
        assertEquals("lakehouse", r.getDiagnostics().getInputs());
        assertTrue(r.getDiagnostics().getObservations() > 0);
    }

    @Test
    void optimizeWithAnExplicitDiagonalCovarianceMatchesTheClosedForm() {
        // Risk parity on uncorrelated assets has the closed form w_i = (1/sigma_i) / sum_j (1/sigma_j).
        double[] sigma = {0.2, 0.4, 0.8};
        OptimizeRequest.Builder request = OptimizeRequest.newBuilder().setMethod("risk_parity")
                .addSymbols("BTC-USDT").addSymbols("ETH-USDT").addSymbols("SOL-USDT");
        for (int i = 0; i < 3; i++) {
            MatrixRow.Builder row = MatrixRow.newBuilder();
            for (int j = 0; j < 3; j++) {
                row.addValues(i == j ? sigma[i] * sigma[i] : 0.0);
            }
            request.addCovariance(row);
        }
        OptimizeResponse r = portfolio(proKey).optimize(request.build());
        double norm = 1 / 0.2 + 1 / 0.4 + 1 / 0.8;
        assertEquals((1 / 0.2) / norm, r.getWeightsOrThrow("BTC-USDT"), 1e-6);
        assertEquals((1 / 0.4) / norm, r.getWeightsOrThrow("ETH-USDT"), 1e-6);
        assertEquals((1 / 0.8) / norm, r.getWeightsOrThrow("SOL-USDT"), 1e-6);
        assertEquals("explicit", r.getDiagnostics().getInputs());
    }

    @Test
    void backtestReturnsAnEquityCurveStartingAtOne() {
        long now = lab.clock.millis();
        BacktestResponse r = portfolio(proKey).backtest(BacktestRequest.newBuilder().setMethod("risk_parity")
                .addSymbols("BTC-USDT").addSymbols("ETH-USDT").setStartTime(now - 200L * 86_400_000)
                .setLookbackDays(30).setRebalanceDays(7).setCostBps(DoubleValue.of(0.0)).build());
        assertEquals("risk_parity", r.getMethod());
        assertEquals(List.of("BTC-USDT", "ETH-USDT"), r.getSymbolsList());
        assertTrue(r.getEquityCurveCount() > 100, "about 170 daily points, got " + r.getEquityCurveCount());
        assertTrue(r.getRebalances() > 10);
        assertEquals(0.0, r.getMetrics().getCosts(), 0.0, "cost_bps 0 was sent explicitly, not defaulted to 10");
        double last = r.getEquityCurve(r.getEquityCurveCount() - 1).getEquity();
        assertEquals(last - 1, r.getMetrics().getTotalReturn(), 1e-9);
    }

    @Test
    void streamTicksDeliversEveryTickInOrderWithoutGaps() throws Exception {
        TickCollector<Tick> ticks = new TickCollector<>();
        MarketServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(proKey))
                .streamTicks(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build(), ticks);
        awaitSubscribers(LabTopics.ticks("BTC-USDT"), 1);
        List<Tick> received = new ArrayList<>();
        for (int round = 0; round < 20 && received.size() < 500; round++) {
            lab.clock.advance(Duration.ofSeconds(5));
            lab.engine.runMaintenance();
            ticks.drainTo(received, 200, TimeUnit.MILLISECONDS);
        }
        assertTrue(received.size() >= 500, "ticks received: " + received.size());
        for (int i = 1; i < received.size(); i++) {
            Tick previous = received.get(i - 1);
            Tick tick = received.get(i);
            assertEquals(previous.getSeq() + 1, tick.getSeq(), "no gap and no reordering at " + i);
            assertTrue(tick.getTsMs() >= previous.getTsMs());
            assertEquals("BTC-USDT", tick.getSymbol());
            assertTrue(tick.getSide().equals("buy") || tick.getSide().equals("sell"), tick.getSide());
            assertTrue(tick.getPrice() > 0 && tick.getQty() > 0);
        }
        ticks.cancel();
        awaitSubscribers(LabTopics.ticks("BTC-USDT"), 0);
    }

    @Test
    void streamRegimeCarriesTheEnginesRegimeChangeEvents() throws Exception {
        TickCollector<RegimeEvent> events = new TickCollector<>();
        SignalServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(proKey))
                .streamRegime(SubscribeRequest.newBuilder().setSymbol("ETH-USDT").build(), events);
        awaitSubscribers(LabTopics.regime("ETH-USDT"), 1);
        // Regime changes come from the HMM on new bars; publishing one on the engine's topic exercises the
        // transport without waiting for the market to switch regimes.
        lab.engine.bus().publish(LabTopics.regime("ETH-USDT"), new RegimeChangeMessage(RegimeChangeMessage.TYPE,
                "ETH-USDT", "trending", "mean_reverting", 0.89, "stat_arb", 1_706_785_260_000L));
        List<RegimeEvent> received = new ArrayList<>();
        events.drainTo(received, 500, TimeUnit.MILLISECONDS);
        assertEquals(1, received.size());
        RegimeEvent e = received.get(0);
        assertEquals("regime_change", e.getType());
        assertEquals("ETH-USDT", e.getSymbol());
        assertEquals("trending", e.getFromRegime());
        assertEquals("mean_reverting", e.getToRegime());
        assertEquals(0.89, e.getConfidence(), 0.0);
        assertEquals("stat_arb", e.getRecommendedStrategy());
        assertEquals(1_706_785_260_000L, e.getTsMs());
        events.cancel();
        awaitSubscribers(LabTopics.regime("ETH-USDT"), 0);
    }

    // ------------------------------------------------------------------ errors

    @Test
    void badParametersAreInvalidArgumentNamingTheParameter() {
        long now = lab.clock.millis();
        assertInvalid("symbol", () -> market(proKey).getTicker(TickerRequest.newBuilder().setSymbol("DOGE-XYZ").build()));
        assertInvalid("symbol", () -> market(proKey).getTicker(TickerRequest.getDefaultInstance()));
        assertInvalid("interval", () -> market(proKey).getOHLCV(OHLCVRequest.newBuilder().setSymbol("BTC-USDT")
                .setInterval("2m").build()));
        assertInvalid("limit", () -> market(proKey).getOHLCV(OHLCVRequest.newBuilder().setSymbol("BTC-USDT")
                .setInterval("1m").setLimit(5001).build()));
        assertInvalid("end_time", () -> market(proKey).getOHLCV(OHLCVRequest.newBuilder().setSymbol("BTC-USDT")
                .setInterval("1m").setStartTime(now - 60_000).setEndTime(now - 3_600_000).build()));
        assertInvalid("lookback", () -> signals(proKey).getRegime(RegimeRequest.newBuilder().setSymbol("BTC-USDT")
                .setLookback(-5).build()));
        assertInvalid("n_agents", () -> signals(proKey).getMFGPrice(MFGRequest.newBuilder().setSymbol("BTC-USDT")
                .setNAgents(1).build()));
        assertInvalid("method", () -> portfolio(proKey).optimize(OptimizeRequest.newBuilder().setMethod("magic")
                .addSymbols("BTC-USDT").build()));
        assertInvalid("symbols", () -> portfolio(proKey).backtest(BacktestRequest.newBuilder()
                .setMethod("risk_parity").build()));
        assertInvalid("symbol", () -> MarketServiceGrpc.newBlockingStub(channel)
                .withInterceptors(LabFixture.withKey(proKey))
                .streamTicks(SubscribeRequest.newBuilder().setSymbol("NOPE").build()).hasNext());
    }

    private static void assertInvalid(String parameter, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertNotNull(e.getStatus().getDescription());
        assertEquals("INVALID_PARAMS", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals(parameter, e.getTrailers().get(GrpcErrors.ERROR_PARAM), e.getStatus().getDescription());
    }

    @Test
    void missingOrUnknownKeysAreUnauthenticated() {
        RegimeRequest request = RegimeRequest.newBuilder().setSymbol("BTC-USDT").build();
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> SignalServiceGrpc.newBlockingStub(channel).getRegime(request));
        assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());
        assertEquals("UNAUTHORIZED", missing.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                () -> signals("hft_pro_0000000000000000000000000000").getRegime(request));
        assertEquals(Status.Code.UNAUTHENTICATED, unknown.getStatus().getCode());
    }

    @Test
    void freeAndHobbyistKeysArePermissionDeniedWhileProfessionalAndEnterpriseAreServed() {
        RegimeRequest request = RegimeRequest.newBuilder().setSymbol("BTC-USDT").build();
        for (Tier tier : new Tier[] {Tier.FREE_BETA, Tier.HOBBYIST}) {
            String key = lab.key(tier);
            StatusRuntimeException unary = assertThrows(StatusRuntimeException.class,
                    () -> signals(key).getRegime(request));
            assertEquals(Status.Code.PERMISSION_DENIED, unary.getStatus().getCode(), tier.id());
            assertEquals("TIER_REQUIRED", unary.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
            StatusRuntimeException stream = assertThrows(StatusRuntimeException.class,
                    () -> market(key).streamTicks(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build()).hasNext());
            assertEquals(Status.Code.PERMISSION_DENIED, stream.getStatus().getCode(), tier.id());
        }
        for (Tier tier : new Tier[] {Tier.PROFESSIONAL, Tier.ENTERPRISE}) {
            assertTrue(REGIMES.contains(signals(lab.key(tier)).getRegime(request).getRegime()), tier.id());
        }
    }

    @Test
    void overTheRequestWindowIsResourceExhaustedWithRateLimitTrailers() {
        String key = lab.key(Tier.PROFESSIONAL);
        TickerRequest request = TickerRequest.newBuilder().setSymbol("BTC-USDT").build();
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        MarketServiceGrpc.MarketServiceBlockingStub stub = market(key)
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers));
        for (int i = 0; i < 2000; i++) {
            stub.getTicker(request);
        }
        assertEquals("0", headers.get().get(ApiKeyAuthInterceptor.RATE_LIMIT_REMAINING));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub.getTicker(request));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
        assertEquals("RATE_LIMITED", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("2000", e.getTrailers().get(ApiKeyAuthInterceptor.RATE_LIMIT_LIMIT));
    }

    @Test
    void streamsBeyondTheTiersStreamLimitAreResourceExhausted() throws Exception {
        String key = lab.key(Tier.PROFESSIONAL);
        int before = lab.engine.bus().subscriberCount(LabTopics.ticks("SOL-USDT"));
        List<TickCollector<Tick>> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TickCollector<Tick> c = new TickCollector<>();
            MarketServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(key))
                    .streamTicks(SubscribeRequest.newBuilder().setSymbol("SOL-USDT").build(), c);
            open.add(c);
        }
        awaitSubscribers(LabTopics.ticks("SOL-USDT"), before + 10);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> market(key).streamTicks(SubscribeRequest.newBuilder().setSymbol("SOL-USDT").build()).hasNext());
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
        assertEquals("RATE_LIMITED", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        open.get(0).cancel();
        awaitSubscribers(LabTopics.ticks("SOL-USDT"), before + 9);
        // The cancelled stream gave its slot back.
        TickCollector<Tick> again = new TickCollector<>();
        MarketServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(key))
                .streamTicks(SubscribeRequest.newBuilder().setSymbol("SOL-USDT").build(), again);
        awaitSubscribers(LabTopics.ticks("SOL-USDT"), before + 10);
        again.cancel();
        open.forEach(TickCollector::cancel);
        awaitSubscribers(LabTopics.ticks("SOL-USDT"), before);
    }

    private void awaitSubscribers(String topic, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lab.engine.bus().subscriberCount(topic) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " subscribers on " + topic + ", have "
                        + lab.engine.bus().subscriberCount(topic));
            }
            Thread.sleep(5);
        }
    }

    /** Collects a server stream's messages; cancel() ends the call from the client side. */
    static final class TickCollector<T> implements ClientResponseObserver<SubscribeRequest, T> {
        private final BlockingQueue<T> messages = new LinkedBlockingQueue<>();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private volatile ClientCallStreamObserver<SubscribeRequest> call;

        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
            call = requestStream;
        }

        @Override
        public void onNext(T value) {
            messages.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onCompleted() {
        }

        void drainTo(List<T> into, long quietTimeout, TimeUnit unit) throws InterruptedException {
            T next;
            while ((next = messages.poll(quietTimeout, unit)) != null) {
                into.add(next);
            }
            Throwable failure = error.get();
            if (failure != null && !(failure instanceof StatusRuntimeException s
                    && s.getStatus().getCode() == Status.Code.CANCELLED)) {
                throw new AssertionError("the stream failed", failure);
            }
        }

        void cancel() {
            call.cancel("test done", null);
        }
    }
}
