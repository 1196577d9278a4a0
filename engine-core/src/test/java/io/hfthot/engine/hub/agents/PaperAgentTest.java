package io.hfthot.engine.hub.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.Ticker;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paper loop's fills and profit against hand-computed values, and its risk limits. */
class PaperAgentTest {
    private static final double TOL = 1e-9;
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final MarketView NO_REGIME = Optional::empty;

    private final List<TradeEvent> trades = new ArrayList<>();
    private final List<AgentSnapshot> statuses = new ArrayList<>();
    private final List<List<LogEntry>> logBatches = new ArrayList<>();
    private final AgentListener out = new AgentListener() {
        @Override
        public void onStatus(AgentSnapshot s) {
            statuses.add(s);
        }

        @Override
        public void onTrade(TradeEvent t) {
            trades.add(t);
        }

        @Override
        public void onLogs(String agentId, List<LogEntry> batch) {
            logBatches.add(batch);
        }

        @Override
        public void onFailure(String agentId, String reason) {
            throw new AssertionError(reason);
        }
    };

    private static PaperAgent agent(RiskParams risk) {
        AgentSpec spec = new AgentSpec("BTC/USDT", "momentum_breakout", 1, false, risk);
        AgentRecord r = new AgentRecord("a1", "u1", spec, AgentStatus.RUNNING, null, T0, T0);
        InstantSource clock = () -> T0;
        return new PaperAgent(r, PaperAgent.Resume.FLAT, clock);
    }

    private static Ticker quote(double mid) {
        return new Ticker("BTC-USDT", mid - 0.05, mid + 0.05, mid, T0.toEpochMilli());
    }

    @Test
    void breakoutOpensAtTheAskAndTakeProfitClosesAtTheBid() {
        PaperAgent a = agent(new RiskParams(2, 0.01, 0.02, 1_000));
        for (int i = 0; i < 21; i++) {
            a.tick(quote(100), NO_REGIME, out);
        }
        assertEquals(0, trades.size());
        a.tick(quote(101), NO_REGIME, out);
        assertEquals(1, trades.size());
        assertEquals("open", trades.get(0).action());
        assertEquals(101.05, trades.get(0).price(), TOL);
        a.tick(quote(103.2), NO_REGIME, out);
        TradeEvent close = trades.get(1);
        assertEquals("take_profit", close.reason());
        assertEquals(103.15, close.price(), TOL);
        // Closed form: quantity x (exit bid - entry ask).
        assertEquals(2 * (103.15 - 101.05), close.pnl(), TOL);
        AgentSnapshot s = statuses.get(statuses.size() - 1);
        assertEquals(close.pnl(), s.realizedPnl(), TOL);
        assertEquals(0, s.position(), TOL);
        assertEquals(2, s.trades());
        assertEquals(23, statuses.size(), "one agent_status per tick");
        assertEquals(2, logBatches.size(), "one log batch per 10 ticks");
    }

    @Test
    void stopLossAndTheDailyLossLimitHaltEntries() {
        PaperAgent a = agent(new RiskParams(2, 0.01, 0.5, 1.0));
        for (int i = 0; i < 21; i++) {
            a.tick(quote(100), NO_REGIME, out);
        }
        a.tick(quote(101), NO_REGIME, out);
        // bid 100.55: unrealised 2 x (100.55 - 101.05) = -1.0 reaches the daily limit of 1.0 before the 1 % stop.
        a.tick(quote(100.6), NO_REGIME, out);
        assertEquals("daily_loss_limit", trades.get(1).reason());
        assertEquals(-1.0, trades.get(1).pnl(), TOL);
        assertEquals("halted", statuses.get(statuses.size() - 1).state());
        for (int i = 0; i < 30; i++) {
            a.tick(quote(110 + i), NO_REGIME, out);
        }
        assertEquals(2, trades.size(), "no entry while halted");
    }

    @Test
    void aStopClosesTheOpenPositionAndResumeReplaysTheJournal() {
        PaperAgent a = agent(new RiskParams(1, 0.5, 5, 1_000));
        for (int i = 0; i < 21; i++) {
            a.tick(quote(100), NO_REGIME, out);
        }
        a.tick(quote(101), NO_REGIME, out);
        a.stop(quote(102), out);
        assertEquals("stop", trades.get(1).reason());
        assertEquals(101.95 - 101.05, trades.get(1).pnl(), TOL);
        AgentJournal journal = new AgentJournal() {
            @Override
            public void trade(TradeEvent trade) {
            }

            @Override
            public void logs(List<LogEntry> lines) {
            }

            @Override
            public List<TradeEvent> trades(String agentId) {
                return trades.subList(0, 1);
            }

            @Override
            public List<LogEntry> recentLogs(String agentId, int limit) {
                return List.of();
            }

            @Override
            public void flush() {
            }
        };
        PaperAgent.Resume r = journal.resume("a1");
        assertEquals(1, r.position(), TOL);
        assertEquals(101.05, r.entryPrice(), TOL);
        assertEquals(1, r.trades());
        assertTrue(logBatches.get(logBatches.size() - 1).stream().anyMatch(l -> l.message().equals("stopped")));
    }
}
