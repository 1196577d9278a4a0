package io.hfthot.engine.marketmaker;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.market.Side;
import io.hfthot.engine.storage.StorageOptions;
import io.hfthot.lakehouse.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketMakerServiceTest {
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-01-19T14:30:00Z").toEpochMilli());
    private Engine engine;
    private RecordingVenue venue;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private MarketMakerService start(MarketMakerConfig config) {
        return start(config, LabConfig.forTests(dir, 3));
    }

    private MarketMakerService start(MarketMakerConfig config, LabConfig lab) {
        if (engine == null) {
            engine = Engine.builder(lab).clock(clock).inMemoryIdentity().build();
        }
        return MarketMakerService.start(engine, config, (fair, reference, tokenId) -> {
            venue = new RecordingVenue(new SimulatedVenue(config.venue(), fair, reference, tokenId));
            return venue;
        });
    }

    private static MarketMakerConfig manual() {
        MarketMakerConfig d = MarketMakerConfig.defaults(3).manual();
        return new MarketMakerConfig(d.referenceSymbol(), d.model(), d.calibration(), d.venue(),
                new BotParameters(0.005, 10, 50, 0, true), d.startingCash(), d.startingMatic(), d.tickInterval(),
                d.heartbeatInterval(), d.flushInterval(), false);
    }

    @Test
    void theFirstTickPlacesABidAndAnAskAndReportsTheSession() {
        MarketMakerService mm = start(manual());
        TradeData t = mm.tickOnce();
        assertEquals("TRADE_PLACED", t.action());
        assertEquals(2, venue.openOrders().size());
        assertTrue(t.midpoint() > 0 && t.midpoint() < 1, "midpoint " + t.midpoint());
        assertTrue(t.spread() > 0);
        assertEquals(20, t.feeBps());
        assertEquals("LOW_VOL", t.volState());
        assertTrue(t.binancePrice() > 1000);
        assertEquals(3, t.bids().size());
        assertEquals(3, t.asks().size());
        assertEquals(0.02, t.totalGasSpentUsd(), 1e-12, "two placements at $0.01");
        assertEquals(50 - 0.02 / 0.5, t.currentMaticBalance(), 1e-12);
        assertEquals(1000, t.totalEquity(), 1e-9, "no trade yet");
        assertEquals(-0.02, t.virtualPnl(), 1e-12, "PnL is minus the gas");
        assertTrue(t.timestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), t.timestamp());
        assertEquals("QUOTES_HELD", mm.tickOnce().action(), "same clock, same quotes");
    }

    @Test
    void aParameterChangeTakesEffectOnTheNextTick() {
        MarketMakerService mm = start(manual());
        mm.tickOnce();
        double fair = ((SimulatedVenue) venue.delegate).fairValue();
        mm.updateParameters(new ParameterUpdate(0.05, 20, 100, null, null), mm.stopCount());
        assertTrue(venue.openOrders().isEmpty(), "a new order size cancels the resting orders at once");
        mm.tickOnce();
        List<OpenOrder> open = venue.openOrders();
        assertEquals(2, open.size());
        for (OpenOrder o : open) {
            assertEquals(20, o.remaining(), 0);
            double distance = o.side() == Side.BUY ? fair - o.price() : o.price() - fair;
            assertTrue(distance >= 0.05 - 1e-9, o + " is closer than spread_offset to " + fair);
        }
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        MarketMakerService mm = start(manual());
        BotParameters before = mm.parameters();
        assertThrows(IllegalArgumentException.class,
                () -> mm.updateParameters(new ParameterUpdate(0.01, 0, null, null, null), mm.stopCount()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mm.updateParameters(new ParameterUpdate(0.01, 20, 10, null, null), mm.stopCount()));
        assertTrue(e.getMessage().contains("max_position"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> mm.updateParameters(new ParameterUpdate(Double.NaN, null, null, null, null), mm.stopCount()));
        assertEquals(before, mm.parameters());
    }

    @Test
    void anUpdateRacingAStopNeverRestartsTheBot() {
        MarketMakerService mm = start(manual());
        mm.tickOnce();
        long seen = mm.stopCount();
        mm.emergencyStop("race");
        assertThrows(StopRaceException.class,
                () -> mm.updateParameters(new ParameterUpdate(0.02, null, null, null, true), seen));
        assertFalse(mm.parameters().running());
        assertEquals(0.005, mm.parameters().spreadOffset(), 0, "all or nothing");
        assertEquals("STOPPED", mm.tickOnce().action());
        assertTrue(venue.openOrders().isEmpty());
        mm.updateParameters(new ParameterUpdate(null, null, null, null, true), mm.stopCount());
        assertEquals("TRADE_PLACED", mm.tickOnce().action());
    }

    @Test
    void underLoadNoOrderReachesTheVenueAfterTheStopReturns() throws Exception {
        MarketMakerConfig config = manual();
        MarketMakerService mm = start(new MarketMakerConfig(config.referenceSymbol(), config.model(),
                config.calibration(), config.venue(), new BotParameters(0, 10, 50, 0, true), config.startingCash(),
                1_000_000, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(200), true));
        AtomicBoolean hammer = new AtomicBoolean(true);
        Thread[] load = new Thread[2];
        for (int i = 0; i < load.length; i++) {
            load[i] = new Thread(() -> {
                while (hammer.get()) {
                    clock.advance(7);
                    mm.tickOnce();
                }
            });
            load[i].start();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (venue.ordersReceived.get() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(venue.ordersReceived.get() >= 200, "quoting under load: " + venue.ordersReceived.get());
        EmergencyStop stop = mm.emergencyStop("load test");
        long atStop = venue.ordersReceived.get();
        Thread.sleep(300);
        hammer.set(false);
        for (Thread t : load) {
            t.join();
        }
        assertEquals(atStop, venue.ordersReceived.get(), "orders reached the venue after the stop returned");
        assertTrue(venue.openOrders().isEmpty());
        assertEquals("load test", stop.reason());
        List<Row> audit = engine.lakehouse().read(SessionJournal.AUDIT_TABLE).rows();
        Row row = audit.stream().filter(r -> "EMERGENCY_STOP".equals(r.getString("event"))).findFirst().orElseThrow();
        assertEquals("load test", row.getString("reason"));
        assertEquals(stop.at(), row.get("ts"));
    }

    @Test
    void whileTheDiskTakesNoWritesUpdatesAreRefusedAndTheStopStillHolds() {
        // A free-space reserve no disk has: the data directory is read-only from the start.
        LabConfig readOnly = LabConfig.forTests(dir, 3).withStorage(StorageOptions.defaults()
                .withMinFreeBytes(Long.MAX_VALUE / 2));
        MarketMakerService mm = start(manual(), readOnly);
        assertFalse(engine.storage().writable());
        assertEquals("TRADE_PLACED", mm.tickOnce().action(), "quoting goes on; the journal waits");
        BotParameters before = mm.parameters();
        EngineException refused = assertThrows(EngineException.class,
                () -> mm.updateParameters(new ParameterUpdate(0.02, null, null, null, null), mm.stopCount()));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
        assertEquals(before, mm.parameters(), "nothing changed");
        EngineException unrecorded = assertThrows(EngineException.class, () -> mm.emergencyStop("disk full"));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, unrecorded.code());
        assertTrue(unrecorded.getMessage().startsWith("the bot is stopped"), unrecorded.getMessage());
        assertFalse(mm.parameters().running(), "the stop holds even though it could not be recorded");
        assertTrue(venue.openOrders().isEmpty());
        assertEquals("STOPPED", mm.tickOnce().action());
    }

    @Test
    void theSessionAndEveryFillSurviveARestart() {
        MarketMakerService mm = start(manual());
        TradeData t = null;
        for (int i = 0; i < 400 && (t == null || t.totalTradesCount() < 3); i++) {
            clock.advance(500);
            t = mm.tickOnce();
        }
        assertNotNull(t);
        assertTrue(t.totalTradesCount() >= 3, "the bot traded: " + t.totalTradesCount());
        mm.updateParameters(new ParameterUpdate(0.01, 5, 40, 123.0, false), mm.stopCount());
        engine.close(); // closes the service: cancels, journals, flushes
        engine = null;
        MarketMakerService again = start(manual());
        assertEquals(new BotParameters(0.01, 5, 40, 123.0, false), again.parameters());
        TradeData restored = again.latest();
        assertEquals(t.totalTradesCount(), restored.totalTradesCount());
        assertEquals(t.inventory(), restored.inventory(), 0);
        assertEquals(t.sessionVolume(), restored.sessionVolume(), 1e-9);
        assertEquals(t.totalGasSpentUsd(), restored.totalGasSpentUsd(), 1e-9);
        assertEquals(t.totalOrderUpdates(), restored.totalOrderUpdates());
        assertEquals(t.tokenId(), restored.tokenId(), "the same token (strike) after a restart");
        long fills = engine.lakehouse().read(SessionJournal.TABLE).rows().stream()
                .filter(r -> "FILL".equals(r.getString("kind"))).count();
        assertEquals(t.totalTradesCount(), fills, "every fill is a row");
        assertEquals("STOPPED", again.tickOnce().action(), "is_running false survives the restart");
    }
}
