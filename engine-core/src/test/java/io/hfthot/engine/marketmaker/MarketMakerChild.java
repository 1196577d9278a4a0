package io.hfthot.engine.marketmaker;

import io.hfthot.engine.Engine;
import io.hfthot.engine.lab.LabConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link MarketMakerKillTest}: runs the market maker on a data directory, quoting every
 * 20 ms on a busy simulated market, and every 300 ms changes {@code spread_offset} (which commits the journal)
 * and prints {@code durable <trades> <spread_offset>}: everything up to that line is in the lakehouse. Runs until
 * killed.
 */
public final class MarketMakerChild {
    private MarketMakerChild() {
    }

    /**
     * @param args the data directory
     * @throws InterruptedException never in practice: the parent kills the process
     */
    public static void main(String[] args) throws InterruptedException {
        Engine engine = Engine.builder(LabConfig.forTests(Path.of(args[0]), 3)).clock(Clock.systemUTC())
                .inMemoryIdentity().build();
        MarketMakerConfig d = MarketMakerConfig.defaults(3);
        SimulatedVenueConfig v = d.venue();
        SimulatedVenueConfig busy = new SimulatedVenueConfig(v.seed(), v.ticksPerDollar(), v.levels(), v.halfSpread(),
                v.levelShares(), 20, v.meanTakerShares(), v.depthVolatility(), v.depthReversionSeconds(),
                v.maxCatchUpMs(), v.fees());
        MarketMakerService mm = MarketMakerService.start(engine, new MarketMakerConfig(d.referenceSymbol(), d.model(),
                d.calibration(), busy, new BotParameters(0.001, 10, 50, 0, true), d.startingCash(), d.startingMatic(),
                Duration.ofMillis(20), d.heartbeatInterval(), Duration.ofMillis(200), true));
        for (int i = 2; ; i++) {
            Thread.sleep(300);
            long trades = mm.latest().totalTradesCount();
            double offset = i / 1000.0;
            mm.updateParameters(new ParameterUpdate(offset, null, null, null, null), mm.stopCount());
            System.out.println("durable " + trades + " " + offset);
            System.out.flush();
        }
    }
}
