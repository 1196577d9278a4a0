package io.hfthot.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.agents.AgentRecord;
import io.hfthot.engine.hub.agents.TradeEvent;
import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.lab.LabConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users, agents and trades are in the lakehouse: a restarted hub knows them and resumes running agents. */
class HubServiceRestartTest {
    @TempDir
    Path dir;

    private static HubOptions options() {
        return HubOptions.defaults().withAdmin("alice@example.com", "alice-password")
                .withPasswords(new Argon2idPasswords(1024, 1, 1)).withInternalSecret("0123456789abcdef0123");
    }

    @Test
    void agentsResumeAndTokensStillWorkAfterARestart() throws Exception {
        String running;
        String stopped;
        String deleted;
        String refresh;
        double price;
        try (Engine engine = Engine.builder(LabConfig.forTests(dir, 7L)).inMemoryIdentity().build()) {
            HubService hub = HubService.start(engine, options());
            refresh = hub.accounts().login("alice@example.com", "alice-password", "127.0.0.1").refreshToken();
            HubPrincipal alice = hub.accounts().authenticate("Bearer " + hub.accounts().login("alice@example.com",
                    "alice-password", "127.0.0.1").accessToken(), null);
            Map<String, Object> body = Map.of("symbol", "BTC/USDT", "strategy_name", "momentum_breakout",
                    "interval_seconds", 1, "risk_params", Map.of("max_position", 0.25));
            running = (String) hub.agents().create(alice, body).get("id");
            stopped = (String) hub.agents().create(alice, body).get("id");
            deleted = (String) hub.agents().create(alice, body).get("id");
            hub.agents().stop(alice, stopped);
            hub.agents().delete(alice, deleted);
            AgentRecord r = hub.agents().owned(alice, running);
            price = engine.market().ticker("BTC-USDT").mid();
            hub.agents().listener(r).onTrade(new TradeEvent(running + "-1", running, "open", 0.25, price, 0,
                    "signal", Instant.now()));
        }
        try (Engine engine = Engine.builder(LabConfig.forTests(dir, 7L)).inMemoryIdentity().build()) {
            HubService hub = HubService.start(engine, options());
            HubPrincipal alice = hub.accounts().authenticate("Bearer " + hub.accounts().refresh(refresh).accessToken(),
                    null);
            List<Map<String, Object>> agents = hub.agents().list(alice);
            assertEquals(List.of(running, stopped), agents.stream().map(a -> a.get("id")).toList());
            assertEquals("running", agents.get(0).get("status"));
            assertEquals("stopped", agents.get(1).get("status"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (hub.runtime().status(running).isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            var snapshot = hub.runtime().status(running).orElseThrow();
            assertEquals(0.25, snapshot.position(), 0, "the open position was replayed from hub.agent_trades");
            assertEquals(price, snapshot.entryPrice(), 0);
            assertTrue(hub.runtime().status(stopped).isEmpty(), "a stopped agent stays stopped");
        }
    }
}
