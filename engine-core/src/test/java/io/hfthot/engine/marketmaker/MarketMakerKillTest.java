package io.hfthot.engine.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.lakehouse.Row;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL: a real child JVM ({@link MarketMakerChild}) trades and journals, is killed with SIGKILL in the middle of
 * its work, and a new engine on the same data directory restores a session that is at least what the child had
 * declared durable and is internally consistent (one FILL row per counted trade, cash = starting cash + trading
 * cash flow - fees).
 */
class MarketMakerKillTest {
    @TempDir
    Path dir;

    @Test
    void aSessionSurvivesSigkill() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MarketMakerChild.class.getName(), dir.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long durableTrades = -1;
        double durableOffset = -1;
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int durableLines = 0;
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith("durable ")) {
                    String[] p = line.split(" ");
                    durableTrades = Long.parseLong(p[1]);
                    durableOffset = Double.parseDouble(p[2]);
                    if (++durableLines >= 5 && durableTrades > 0) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no final flush
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL:\n" + String.join("\n", output));
        assertTrue(durableTrades > 0, "the child traded before the kill:\n" + String.join("\n", output));

        try (Engine engine = Engine.builder(LabConfig.forTests(dir, 3)).clock(Clock.systemUTC()).inMemoryIdentity()
                .build()) {
            List<Row> rows = engine.lakehouse().read(SessionJournal.TABLE).rows();
            MarketMakerService mm = MarketMakerService.start(engine, MarketMakerConfig.defaults(3).manual());
            TradeData restored = mm.latest();
            assertTrue(restored.totalTradesCount() >= durableTrades,
                    restored.totalTradesCount() + " trades restored, " + durableTrades + " declared durable");
            assertTrue(mm.parameters().spreadOffset() >= durableOffset - 1e-12,
                    "spread_offset " + mm.parameters().spreadOffset() + " restored, " + durableOffset + " durable");
            long fillRows = rows.stream().filter(r -> "FILL".equals(r.getString("kind"))).count();
            assertEquals(restored.totalTradesCount(), fillRows, "one FILL row per counted trade");
            Row last = rows.stream().max((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq"))).orElseThrow();
            assertEquals(last.getDouble("starting_cash") + last.getDouble("trading_cash_flow") - last.getDouble("fees_usd"),
                    last.getDouble("cash"), 1e-9);
        }
    }
}
