package io.hfthot.engine.hub.agents;

import java.util.List;
import java.util.Map;

/**
 * The strategies an agent can run: {@code momentum_breakout} (Donchian channel breakout), {@code mean_reversion}
 * (z-score of the price around its moving average) and {@code regime_switching} (the engine's HMM regime picks
 * one of the two, and stays flat in the volatile regime).
 */
public final class Strategies {
    /** Ticks of the breakout channel. */
    static final int BREAKOUT = 20;
    /** Ticks of the exit channel of the breakout. */
    static final int BREAKOUT_EXIT = 10;
    /** Ticks of the mean-reversion average. */
    static final int MEAN_WINDOW = 30;
    /** Entry threshold of the mean reversion, in standard deviations below the mean. */
    static final double ENTRY_Z = 1.5;
    /** Prices an agent keeps: enough for the longest window. */
    public static final int WINDOW = 64;

    private static final Strategy MOMENTUM = new Strategy() {
        @Override
        public String name() {
            return "momentum_breakout";
        }

        @Override
        public Signal decide(PriceWindow p, boolean long_, MarketView market) {
            if (p.size() <= BREAKOUT) {
                return Signal.HOLD;
            }
            double now = p.back(0);
            if (!long_ && now > p.maxBefore(BREAKOUT)) {
                return Signal.ENTER_LONG;
            }
            return long_ && now < p.minBefore(BREAKOUT_EXIT) ? Signal.EXIT : Signal.HOLD;
        }
    };

    private static final Strategy MEAN_REVERSION = new Strategy() {
        @Override
        public String name() {
            return "mean_reversion";
        }

        @Override
        public Signal decide(PriceWindow p, boolean long_, MarketView market) {
            if (p.size() < MEAN_WINDOW) {
                return Signal.HOLD;
            }
            double sd = p.stdDev(MEAN_WINDOW);
            if (sd == 0) {
                return Signal.HOLD;
            }
            double z = (p.back(0) - p.mean(MEAN_WINDOW)) / sd;
            if (!long_ && z < -ENTRY_Z) {
                return Signal.ENTER_LONG;
            }
            return long_ && z >= 0 ? Signal.EXIT : Signal.HOLD;
        }
    };

    private static final Strategy REGIME_SWITCHING = new Strategy() {
        @Override
        public String name() {
            return "regime_switching";
        }

        @Override
        public Signal decide(PriceWindow p, boolean long_, MarketView market) {
            String regime = market.regime().orElse("volatile");
            return switch (regime) {
                case "trending" -> MOMENTUM.decide(p, long_, market);
                case "mean_reverting" -> MEAN_REVERSION.decide(p, long_, market);
                default -> long_ ? Signal.EXIT : Signal.HOLD;
            };
        }
    };

    private static final Map<String, Strategy> BY_NAME = Map.of(MOMENTUM.name(), MOMENTUM,
            MEAN_REVERSION.name(), MEAN_REVERSION, REGIME_SWITCHING.name(), REGIME_SWITCHING);

    /** The accepted {@code strategy_name} values. */
    public static final List<String> NAMES = List.of(MOMENTUM.name(), MEAN_REVERSION.name(), REGIME_SWITCHING.name());

    private Strategies() {
    }

    /**
     * Returns a strategy by wire name.
     *
     * @param name one of {@link #NAMES}
     * @return the strategy
     */
    public static Strategy byName(String name) {
        Strategy s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("strategy_name must be one of " + NAMES + ", got " + name);
        }
        return s;
    }
}
