package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the range, limit and interval, and however far the live market ran ahead of the last lakehouse
 * append, an OHLCV answer (lakehouse bars merged with live bars) equals the simulator's own bars for that
 * request: the simulator is the independent reference the lakehouse was written from.
 */
class OhlcvMergeProperties {
    private static Path dir;
    private static TestClock clock;
    private static LabService engine;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("lab-ohlcv-properties");
        clock = new TestClock(LabFixtures.START);
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), clock, null);
    }

    @AfterContainer
    static void stop() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 40)
    void mergedBarsEqualTheSimulatorsBars(@ForAll @IntRange(min = 0, max = 4) int intervalIndex,
                                          @ForAll @IntRange(min = 0, max = 2) int symbolIndex,
                                          @ForAll @IntRange(min = 0, max = 2000) int barsBack,
                                          @ForAll @IntRange(min = 1, max = 1500) int width,
                                          @ForAll @IntRange(min = 1, max = 5000) int limit,
                                          @ForAll @IntRange(min = 0, max = 20) int minutesAhead,
                                          @ForAll boolean appendFirst) {
        if (appendFirst) {
            engine.runMaintenance();
        }
        clock.advance(Duration.ofMinutes(minutesAhead));
        Interval interval = Interval.values()[intervalIndex];
        String symbol = engine.symbols().get(symbolIndex);
        long now = clock.millis();
        long start = Math.max(0, now - (long) barsBack * interval.millis());
        long end = start + (long) width * interval.millis();
        OhlcvResponse r = engine.ohlcv(LabFixtures.caller(Tier.ENTERPRISE),
                new OhlcvRequest(symbol, interval.label(), start, end, limit));
        List<Bar> expected = engine.engine().marketHistory().market().bars(symbol, interval, start, Math.min(end, now), limit);
        assertEquals(expected, r.bars());
    }
}
