package io.hfthot.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DoubleValue;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotClient;
import io.hfthot.client.grpc.HfthotGrpcClient;
import io.hfthot.client.grpc.proto.BacktestRequest;
import io.hfthot.client.grpc.proto.BacktestResponse;
import io.hfthot.client.grpc.proto.MFGRequest;
import io.hfthot.client.grpc.proto.MFGResponse;
import io.hfthot.client.grpc.proto.OHLCVRequest;
import io.hfthot.client.grpc.proto.OHLCVResponse;
import io.hfthot.client.grpc.proto.OptimizeRequest;
import io.hfthot.client.grpc.proto.OptimizeResponse;
import io.hfthot.client.grpc.proto.RegimeEvent;
import io.hfthot.client.grpc.proto.RegimeRequest;
import io.hfthot.client.grpc.proto.RegimeResponse;
import io.hfthot.client.grpc.proto.SubscribeRequest;
import io.hfthot.client.grpc.proto.Tick;
import io.hfthot.client.grpc.proto.TickerRequest;
import io.hfthot.client.grpc.proto.TickerResponse;
import io.hfthot.client.model.Bar;
import io.hfthot.client.model.OhlcvQuery;
import io.hfthot.client.model.OhlcvResponse;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.server.ReferenceServer;
import io.hfthot.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's gRPC client (stubs generated from its copy of {@code hfthot.proto}) against the reference server:
 * every rpc of the three services, both server streams, and the error mapping to {@link HfthotApiException}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientGrpcEndToEndTest {
    private static final List<String> SYMBOLS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    private ReferenceServer server;
    private HfthotGrpcClient grpc;
    private HfthotClient rest;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        server = ReferenceServer.start(ServerConfig.ephemeral(data));
        grpc = HfthotGrpcClient.plaintext("127.0.0.1", server.grpcPort(), key(Tier.PROFESSIONAL));
        rest = HfthotClient.builder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT)), key(Tier.PROFESSIONAL)).build();
    }

    @AfterAll
    void stop() {
        grpc.close();
        server.close();
    }

    private String key(Tier tier) {
        return DemoKey.of(server, tier);
    }

    @Test
    void marketServiceAgreesWithRest() {
        TickerResponse ticker = grpc.market().getTicker(TickerRequest.newBuilder().setSymbol("BTC-USDT").build());
        assertEquals("BTC-USDT", ticker.getSymbol());
        assertTrue(ticker.getBid() < ticker.getAsk());

        // Closed bars never change: the same range over REST and gRPC gives the same bars.
        OhlcvResponse viaRest = rest.ohlcv(OhlcvQuery.of("ETH-USDT", "1h").withLimit(24));
        long start = viaRest.bars().get(0).time();
        long end = viaRest.bars().get(viaRest.bars().size() - 1).time();
        OHLCVResponse viaGrpc = grpc.market().getOHLCV(OHLCVRequest.newBuilder().setSymbol("ETH-USDT").setInterval("1h")
                .setStartTime(start).setEndTime(end).setLimit(24).build());
        assertEquals(viaRest.bars().size(), viaGrpc.getBarsCount());
        for (int i = 0; i < viaGrpc.getBarsCount(); i++) {
            Bar r = viaRest.bars().get(i);
            var g = viaGrpc.getBars(i);
            assertEquals(new Bar(g.getTime(), g.getOpen(), g.getHigh(), g.getLow(), g.getClose(), g.getVolume()), r);
        }
    }

    @Test
    void signalService() {
        RegimeResponse regime = grpc.signals().getRegime(RegimeRequest.newBuilder().setSymbol("BTC-USDT").setLookback(200).build());
        assertEquals(1.0, regime.getStateProbsMap().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(regime.getStateProbsMap().get(regime.getRegime()), regime.getConfidence(), 1e-12);
        MFGResponse mfg = grpc.signals().getMFGPrice(MFGRequest.newBuilder().setSymbol("BTC-USDT").setNAgents(200).build());
        assertEquals(5, mfg.getHorizonMin(), "0 takes the REST default");
        assertFalse(mfg.getTrajectoryList().isEmpty());
    }

    @Test
    void portfolioService() {
        OptimizeResponse rp = grpc.portfolio().optimize(OptimizeRequest.newBuilder().setMethod("risk_parity")
                .addAllSymbols(SYMBOLS).setLookbackDays(30).build());
        assertEquals(1.0, rp.getWeightsMap().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        var viaRest = rest.optimize(io.hfthot.client.model.OptimizeRequest.of("risk_parity", SYMBOLS).withLookbackDays(30));
        for (String s : SYMBOLS) {
            assertEquals(viaRest.weights().get(s), rp.getWeightsMap().get(s), 1e-9, s);
        }
        BacktestResponse bt = grpc.portfolio().backtest(BacktestRequest.newBuilder().setMethod("risk_parity")
                .addAllSymbols(SYMBOLS).setCostBps(DoubleValue.of(0.0)).build());
        assertTrue(bt.getEquityCurveCount() > 0);
        assertEquals(0.0, bt.getMetrics().getCosts(), 0.0, "cost_bps 0: a backtest without costs");
    }

    @Test
    void tickStreamHasNoGapsAndEndsWhenCancelled() throws Exception {
        try (Context.CancellableContext call = Context.current().withCancellation()) {
            call.call(() -> {
                Iterator<Tick> ticks = grpc.market().streamTicks(SubscribeRequest.newBuilder().setSymbol("SOL-USDT").build());
                long seq = -1;
                for (int i = 0; i < 5; i++) {
                    Tick t = ticks.next();
                    assertEquals("SOL-USDT", t.getSymbol());
                    if (seq >= 0) {
                        assertEquals(seq + 1, t.getSeq(), "a client that keeps up sees no gap");
                    }
                    seq = t.getSeq();
                }
                return null;
            });
        }
    }

    @Test
    void regimeStreamDeliversPublishedChanges() throws Exception {
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        AtomicLong ts = new AtomicLong(1_706_785_260_000L);
        try (Context.CancellableContext call = Context.current().withCancellation()) {
            RegimeEvent event = call.call(() -> {
                Iterator<RegimeEvent> events = grpc.signals().streamRegime(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build());
                // The server subscribes asynchronously: publish until one arrives, as the engine would on a flip.
                publisher.scheduleWithFixedDelay(() -> server.lab().bus().publish(LabTopics.regime("BTC-USDT"),
                        new RegimeChangeMessage(RegimeChangeMessage.TYPE, "BTC-USDT", "volatile", "trending", 0.8, "momentum",
                                ts.incrementAndGet())), 0, 50, TimeUnit.MILLISECONDS);
                return events.next();
            });
            assertEquals("regime_change", event.getType());
            assertEquals("volatile", event.getFromRegime());
            assertEquals("trending", event.getToRegime());
            assertTrue(event.getTsMs() > 1_706_785_260_000L && event.getTsMs() <= ts.get());
        } finally {
            publisher.shutdownNow();
        }
    }

    @Test
    void failuresMapToTheSdksTypedError() {
        try (HfthotGrpcClient hobbyist = HfthotGrpcClient.plaintext("127.0.0.1", server.grpcPort(), key(Tier.HOBBYIST))) {
            StatusRuntimeException denied = assertThrows(StatusRuntimeException.class,
                    () -> hobbyist.signals().getRegime(RegimeRequest.newBuilder().setSymbol("BTC-USDT").build()));
            HfthotApiException e = HfthotGrpcClient.error(denied);
            assertEquals(403, e.status());
            assertEquals(HfthotApiException.TIER_REQUIRED, e.code());
        }
        StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class,
                () -> grpc.market().getTicker(TickerRequest.newBuilder().setSymbol("NOPE").build()));
        HfthotApiException e = HfthotGrpcClient.error(invalid);
        assertEquals(400, e.status());
        assertEquals(HfthotApiException.INVALID_PARAMS, e.code());
        assertTrue(e.serverMessage().contains("symbol"), e.serverMessage());
    }
}
