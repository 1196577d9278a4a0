package io.hfthot.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code optimize} subcommand run in-process against a temporary data directory. */
class OptimizeCommandTest {
    private static final long T0 = 1_706_745_600_000L;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OptimizeCommand.run(List.of(args), Map.of("HFTHOT_DATA_DIR", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void compactsTheMarketTablesOfTheDataDirectory() {
        Lakehouse lh = Lakehouse.open(dir.resolve("lakehouse"));
        MarketTables tables = new MarketTables(lh);
        tables.createMissing();
        for (int m = 0; m < 5; m++) {
            double[] px = {1 + m};
            tables.appendBars(List.of(new BarColumns("ABC", Interval.ONE_MINUTE, new long[] {T0 + 60_000L * m}, px, px, px, px, px)));
        }
        assertEquals(0, run("--target-mb", "4"), err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("market.ohlcv: version") && text.contains("5 files"), text);
        assertTrue(text.contains("market.ticks: nothing to compact"), text);
        assertEquals(1, lh.read(MarketTables.OHLCV).dataFiles().size());
        assertEquals(5, tables.readAllBars("ABC", Interval.ONE_MINUTE).size());
    }

    @Test
    void compactsTheIdeaTableUnlessOneSymbolIsAsked() {
        Lakehouse lh = Lakehouse.open(dir.resolve("lakehouse"));
        IdeaTable ideas = IdeaTable.open(lh);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        TradeIdea idea = new TradeIdea(1, 0, "EUR-USD", Timeframe.M5, "forex", TradeIdea.BUY, "LIMIT", "REVERSION",
                "mean_reverting", 0.7, 12.5, 1.0842, 1.0871, 1.0826, t, t, t.plusSeconds(3600), IdeaStatus.ACTIVE,
                "reverting to the mean");
        for (int pass = 0; pass < 4; pass++) {
            ideas.append(List.of(idea));
            idea = idea.revise(t.plusSeconds(60L * (pass + 1)), IdeaStatus.ACTIVE, idea.confidence() + 0.01, 12.5,
                    "reverting to the mean");
        }

        assertEquals(0, run("--symbol", "EUR-USD"), err.toString(StandardCharsets.UTF_8));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains(IdeaTable.TABLE), out.toString(StandardCharsets.UTF_8));
        assertEquals(4, lh.read(IdeaTable.TABLE).dataFiles().size());

        assertEquals(0, run(), err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("hti.ideas: version") && text.contains("4 files"), text);
        assertEquals(1, lh.read(IdeaTable.TABLE).dataFiles().size());
        assertEquals(3, ideas.latest().get(1L).revision());
        assertEquals(4, lh.read(IdeaTable.TABLE).rows().size());
    }

    @Test
    void badArgumentsAreRefusedByName() {
        assertEquals(OptimizeCommand.USAGE, run("--target-mb", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--target-mb '0'"));
        assertEquals(OptimizeCommand.USAGE, run("--symbol", "../x"));
        assertEquals(OptimizeCommand.USAGE, run("--vacuum"));
        assertEquals(OptimizeCommand.OK, run());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("nothing to compact"));
    }
}
