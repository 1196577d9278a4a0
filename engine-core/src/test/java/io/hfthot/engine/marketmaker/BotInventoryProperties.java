package io.hfthot.engine.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.market.Side;
import io.hfthot.quant.marketmaking.QuotingCalibration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The bot against the simulated venue over random reference paths, random market orders and random parameter
 * changes: {@code |inventory| <= max_position} after every fill, and the ledger matches the fills it booked.
 */
class BotInventoryProperties {

    @Property(tries = 60)
    void inventoryNeverExceedsTheLimit(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] reference = {40_000};
        SimulatedVenueConfig d = SimulatedVenueConfig.defaults(seed);
        SimulatedVenueConfig busy = new SimulatedVenueConfig(seed, d.ticksPerDollar(), d.levels(), d.halfSpread(),
                200, 5, 120, d.depthVolatility(), d.depthReversionSeconds(), d.maxCatchUpMs(), d.fees());
        FairValueModel fair = FairValueModel.struckAt(40_000);
        SimulatedVenue venue = new SimulatedVenue(busy, fair, () -> reference[0], "t");
        QuotingModelChoice model = random.nextBoolean() ? QuotingModelChoice.GLFT : QuotingModelChoice.AVELLANEDA_STOIKOV;
        MarketMakerBot bot = new MarketMakerBot(venue, new QuoteDecider(fair, model.create(),
                QuotingCalibration.defaults(), 1000), new Ledger(LedgerState.fresh(1000, 50)),
                RealisedVolatility.defaults(), new BotParameters(0.002, 10, 50, 0, true));
        double inventory = 0;
        int fills = 0;
        long now = 0;
        for (int tick = 0; tick < 300; tick++) {
            now += 100 + random.nextInt(400);
            reference[0] *= Math.exp(random.nextGaussian() * 0.001);
            if (random.nextInt(20) == 0) {
                int size = random.nextInt(1, 30);
                bot.setParameters(new BotParameters(random.nextDouble() * 0.02, size,
                        Math.max(size, (int) Math.abs(inventory) + random.nextInt(0, 60)), 0, random.nextInt(10) > 0));
            }
            if (random.nextInt(3) == 0) {
                venue.marketOrder(random.nextBoolean() ? Side.BUY : Side.SELL, random.nextInt(1, 500));
            }
            TickResult r = bot.step(now, reference[0]);
            for (Fill f : r.fills()) {
                inventory += f.signedSize();
                fills++;
                assertTrue(Math.abs(inventory) <= bot.parameters().maxPosition(),
                        "inventory " + inventory + " beyond max_position " + bot.parameters().maxPosition());
            }
            assertEquals(inventory, bot.ledgerState().inventory(), 0);
        }
        assertTrue(fills > 0, "the run traded");
    }
}
