package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.Observation;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.imports.BarImporter;
import io.hfthot.engine.imports.ImportOptions;
import io.hfthot.engine.imports.ImportProgress;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.lakehouse.StoredSymbols;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.quant.regime.RegimeSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported symbols ({@code hfthot import}) get ideas once their timeframe has enough bars for its HMM, classified
 * by {@code AssetClasses}, filtered like any other, and not re-proposed while their bars do not move.
 */
class ImportedIdeasTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final HtiConfig MANUAL = HtiConfig.defaults().withBackground(false).withDemoCodes(false);

    @TempDir
    Path dir;

    /** Imports one-minute bars {@code [from, to)} of a seeded regime-switching path as {@code symbol}. */
    private void importBars(Engine engine, String symbol, double[] closes, int from, int to) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,open,high,low,close,volume");
        for (int i = from; i < to; i++) {
            double o = i == 0 ? closes[0] : closes[i - 1];
            double c = closes[i];
            lines.add(String.format(Locale.ROOT, "%d,%.8f,%.8f,%.8f,%.8f,1", T0 + i * 60_000L, o,
                    Math.max(o, c) * 1.0005, Math.min(o, c) * 0.9995, c));
        }
        Path file = dir.resolve(symbol + "-" + from + ".csv");
        Files.write(file, lines);
        new BarImporter(engine.lakehouse()).importFiles(List.of(file),
                ImportOptions.strict(Interval.ONE_MINUTE).withSymbol(symbol), ImportProgress.NONE);
    }

    /** Waits out the stored-series catalogue's refresh interval, so that the import is seen. */
    private static void awaitCatalogue() throws InterruptedException {
        Thread.sleep(StoredSymbols.REFRESH_NANOS / 1_000_000 + 100);
    }

    @Test
    void anImportedSymbolGetsIdeasOnTheTimeframesWithEnoughBarsAndKeepsThemUntilNewBarsCome()
            throws IOException, InterruptedException {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir.resolve("data"), 7L), clock,
                null)) {
            Engine engine = lab.engine();
            HtiService hti = HtiService.start(engine, MANUAL);
            MarketObserver observer = new MarketObserver(engine);
            double[] closes = RegimeSimulator.defaults().simulate(3000, 21).closes();
            importBars(engine, "ACME", closes, 0, 250);
            awaitCatalogue();
            assertTrue(observer.observe(clock.millis()).stream().noneMatch(o -> o.instrument().equals("ACME")),
                    "250 one-minute bars are too few for an HMM");
            assertTrue(hti.runOnce().stream().noneMatch(i -> i.instrument().equals("ACME")));

            importBars(engine, "ACME", closes, 250, 3000);
            awaitCatalogue();
            List<Observation> acme = observer.observe(clock.millis()).stream()
                    .filter(o -> o.instrument().equals("ACME")).toList();
            // 3000 one-minute bars: 3000 M1, 600 M5, 200 M15 and 50 H1 closes; the HMM needs 300.
            assertEquals(Set.of(Timeframe.M1, Timeframe.M5),
                    acme.stream().map(Observation::timeframe).collect(Collectors.toSet()));
            for (Observation o : acme) {
                assertEquals(closes[2999], o.lastPrice(), 1e-8);
                assertEquals(T0 + (3000L - o.timeframe().millis() / 60_000L) * 60_000L, o.lastBarTime());
            }

            List<TradeIdea> made = new ArrayList<>();
            for (int pass = 0; pass < 5; pass++) {
                made.addAll(hti.runOnce().stream().filter(i -> i.instrument().equals("ACME")).toList());
                clock.advance(Duration.ofSeconds(30));
            }
            assertFalse(made.isEmpty(), "no idea for the imported symbol");
            for (TradeIdea i : made) {
                assertEquals("EQUITY", i.assetClass());
                assertTrue(i.timeframe() == Timeframe.M1 || i.timeframe() == Timeframe.M5, i.toString());
            }
            // Filters: an EQUITY profile gets exactly the imported symbol's ideas.
            HtiProfile equity = hti.issueCode("Acme", null, 60,
                    new IdeaFilters(Set.of("EQUITY"), Set.of(), Set.of(), Set.of(), Set.of())).profile();
            List<TradeIdea> history = hti.history(equity, 100);
            assertFalse(history.isEmpty());
            assertTrue(history.stream().allMatch(i -> i.instrument().equals("ACME")), history.toString());

            // The bars do not move: after expiry, no new idea is drawn from the same bars.
            clock.advance(Duration.ofHours(2));
            List<TradeIdea> later = hti.runOnce().stream().filter(i -> i.instrument().equals("ACME")).toList();
            assertFalse(later.isEmpty());
            assertTrue(later.stream().allMatch(i -> i.status() == IdeaStatus.EXPIRED), later.toString());
            assertTrue(hti.runOnce().stream().noneMatch(i -> i.instrument().equals("ACME")));
        }
    }
}
