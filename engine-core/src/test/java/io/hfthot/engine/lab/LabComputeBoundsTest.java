package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.MfgPriceResponse;
import io.hfthot.engine.lab.compute.CancelSignal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compute-heavy operations take validated parameters whose worst case stays within a couple of seconds of CPU. */
class LabComputeBoundsTest {
    @TempDir
    static Path dir;
    private static LabService engine;

    @BeforeAll
    static void start() {
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED),
                new TestClock(LabFixtures.START), null);
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static EngineException invalid(String parameter, Runnable call) {
        EngineException e = assertThrows(EngineException.class, call::run);
        assertEquals(ErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals(parameter, e.parameter().orElseThrow(), e.getMessage());
        return e;
    }

    @Test
    void theReportedMfgRequestIsRefusedNamingFieldValueAndRange() {
        EngineException agents = invalid("n_agents", () -> engine.mfgPrice("BTC-USDT", 5, 100_000));
        assertEquals("n_agents must be in [2, 5000], got 100000", agents.getMessage());
        EngineException horizon = invalid("horizon_min", () -> engine.mfgPrice("BTC-USDT", 1440, 1000));
        assertEquals("horizon_min must be in [1, 60], got 1440", horizon.getMessage());
    }

    @Test
    void theLargestMfgRequestStaysWithinTwoSecondsOfCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[1];
        MfgPriceResponse r = engine.compute().run("MFG price signal", () -> {
            long t0 = threads.getCurrentThreadCpuTime();
            MfgPriceResponse answer = engine.mfgPrice("BTC-USDT", LabSignals.MAX_HORIZON_MIN, LabSignals.MAX_AGENTS);
            cpu[0] = threads.getCurrentThreadCpuTime() - t0;
            return answer;
        }, CancelSignal.NONE);
        assertEquals(LabSignals.MAX_AGENTS, r.nAgents());
        // Measured about 1.3 s on the build machine; 2.5 s leaves room for a slower CPU or a cold JIT.
        assertTrue(cpu[0] < 2_500_000_000L, "CPU time " + cpu[0] / 1_000_000 + " ms");
    }

    @Test
    void backtestsAreBoundedInSymbolsAndRebalances() {
        long now = LabFixtures.START.toEpochMilli();
        long tenYears = 3650L * 86_400_000L;
        EngineException rebalances = invalid("rebalance_days", () -> engine.backtest(LabFixtures.caller(Tier.ENTERPRISE),
                new BacktestRequest("risk_parity", List.of("BTC-USDT", "ETH-USDT"), now - tenYears, now, 30, 1,
                        null, null, null)));
        assertTrue(rebalances.getMessage().contains("would run 3651 rebalances; at most 520 are accepted"),
                rebalances.getMessage());
        EngineException symbols = invalid("symbols", () -> engine.backtest(LabFixtures.caller(Tier.ENTERPRISE),
                new BacktestRequest("risk_parity", Collections.nCopies(21, "BTC-USDT"), null, null, 30, 7,
                        null, null, null)));
        assertEquals("a backtest accepts at most 20 symbols, got 21", symbols.getMessage());
    }
}
