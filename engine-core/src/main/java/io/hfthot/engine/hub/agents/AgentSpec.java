package io.hfthot.engine.hub.agents;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import java.util.Map;
import java.util.Set;

/**
 * What a user asks an agent to do ({@code POST /api/agents} of seed 004).
 *
 * @param symbol          the pair as the user spelled it, e.g. {@code BTC/USDT}
 * @param strategyName    one of {@link Strategies#NAMES}
 * @param intervalSeconds seconds between ticks, in [1, 86400]
 * @param liveMode        always false: paper trading (a live venue is not configured)
 * @param risk            the risk limits
 */
public record AgentSpec(String symbol, String strategyName, int intervalSeconds, boolean liveMode, RiskParams risk) {
    private static final Set<String> FIELDS = Set.of("symbol", "strategy_name", "interval_seconds", "live_mode",
            "risk_params");

    /** Validates the spec. */
    public AgentSpec {
        if (symbol == null || !symbol.matches("[A-Za-z0-9]{1,20}[/-][A-Za-z0-9]{1,20}")) {
            throw EngineException.invalid("symbol", "symbol must look like BTC/USDT, got " + symbol);
        }
        if (!Strategies.NAMES.contains(strategyName)) {
            throw EngineException.invalid("strategy_name", "strategy_name must be one of " + Strategies.NAMES + ", got "
                    + strategyName);
        }
        if (intervalSeconds < 1 || intervalSeconds > 86_400) {
            throw EngineException.invalid("interval_seconds", "interval_seconds must be an integer in [1, 86400], got "
                    + intervalSeconds);
        }
        if (liveMode) {
            throw new EngineException(ErrorCode.CONFLICT, "live_mode", null, "live_mode true is refused: no live venue"
                    + " is configured on this hub; create the agent with live_mode false to paper trade", null);
        }
        if (risk == null) {
            throw EngineException.invalid("risk_params", "risk_params must not be null");
        }
    }

    /**
     * Reads the body of {@code POST /api/agents} as decoded from JSON.
     *
     * @param fields the object
     * @return the spec
     */
    @SuppressWarnings("unchecked")
    public static AgentSpec fromFields(Map<String, ?> fields) {
        if (fields == null) {
            throw EngineException.invalid("body", "the body must be a JSON object with symbol and strategy_name");
        }
        Fields.onlyKnown(fields, FIELDS, "the agent");
        Object risk = fields.get("risk_params");
        if (risk != null && !(risk instanceof Map)) {
            throw EngineException.invalid("risk_params", "risk_params must be an object, got " + risk);
        }
        return new AgentSpec(Fields.string(fields, "symbol", null), Fields.string(fields, "strategy_name", null),
                Fields.integer(fields, "interval_seconds", 60, 1, 86_400), Fields.bool(fields, "live_mode", false),
                RiskParams.fromFields((Map<String, ?>) risk));
    }

    /**
     * Returns the engine's spelling of the symbol ({@code BTC/USDT} becomes {@code BTC-USDT}).
     *
     * @return the market symbol
     */
    public String marketSymbol() {
        return symbol.replace('/', '-').toUpperCase(java.util.Locale.ROOT);
    }
}
