package io.hfthot.engine.hub.agents;

import io.hfthot.engine.EngineException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An agent's risk limits ({@code risk_params} of seed 004).
 *
 * @param maxPosition    the position size of every entry and the largest position held, in base units (e.g. BTC)
 * @param stopLossPct    close a position when the price falls this fraction below the entry, in (0, 1]
 * @param takeProfitPct  close a position when the price rises this fraction above the entry, in (0, 10]
 * @param dailyLossLimit stop opening positions for the rest of the UTC day once the day's realised plus
 *                       unrealised loss reaches this amount, in quote currency (e.g. USDT)
 */
public record RiskParams(double maxPosition, double stopLossPct, double takeProfitPct, double dailyLossLimit) {
    /** The defaults applied to fields a request leaves out. */
    public static final RiskParams DEFAULTS = new RiskParams(0.01, 0.02, 0.04, 100.0);
    private static final Set<String> FIELDS = Set.of("max_position", "stop_loss_pct", "take_profit_pct",
            "daily_loss_limit");

    /** Validates the limits. */
    public RiskParams {
        check("max_position", maxPosition, 1e9);
        check("stop_loss_pct", stopLossPct, 1);
        check("take_profit_pct", takeProfitPct, 10);
        check("daily_loss_limit", dailyLossLimit, 1e12);
    }

    private static void check(String name, double v, double max) {
        if (!(v > 0) || v > max) {
            throw EngineException.invalid(name, name + " must be a number in (0, " + max + "], got " + v);
        }
    }

    /**
     * Reads {@code risk_params} as decoded from JSON; missing fields take {@link #DEFAULTS}.
     *
     * @param fields the object, or null for all defaults
     * @return the limits
     */
    public static RiskParams fromFields(Map<String, ?> fields) {
        if (fields == null) {
            return DEFAULTS;
        }
        Fields.onlyKnown(fields, FIELDS, "risk_params");
        return new RiskParams(Fields.number(fields, "max_position", DEFAULTS.maxPosition, 0, 1e9),
                Fields.number(fields, "stop_loss_pct", DEFAULTS.stopLossPct, 0, 1),
                Fields.number(fields, "take_profit_pct", DEFAULTS.takeProfitPct, 0, 10),
                Fields.number(fields, "daily_loss_limit", DEFAULTS.dailyLossLimit, 0, 1e12));
    }

    /**
     * Returns the limits under their wire names.
     *
     * @return the fields
     */
    public Map<String, Object> toFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_position", maxPosition);
        m.put("stop_loss_pct", stopLossPct);
        m.put("take_profit_pct", takeProfitPct);
        m.put("daily_loss_limit", dailyLossLimit);
        return m;
    }
}
