package io.hfthot.engine.hub.plan;

/**
 * The default planner, driven by the engine's HMM regime: a trending market runs {@code momentum_breakout}, a
 * mean-reverting one {@code mean_reversion}, and a volatile or unknown one {@code regime_switching} (which stays
 * flat while the regime is volatile).
 */
public final class RuleBasedPlanner implements Planner {
    /** Creates the planner. */
    public RuleBasedPlanner() {
    }

    @Override
    public Plan plan(PlanRequest request) {
        String regime = request.regime().orElse("unknown");
        String strategy = switch (regime) {
            case "trending" -> "momentum_breakout";
            case "mean_reverting" -> "mean_reversion";
            default -> "regime_switching";
        };
        return new Plan(strategy, "regime " + regime + " (HMM): " + strategy, "rules");
    }
}
