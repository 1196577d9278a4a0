package io.hfthot.engine.hub.agents;

import java.util.Optional;

/** What a strategy may read of the market besides its own price window. Implementations are thread-safe. */
@FunctionalInterface
public interface MarketView {
    /**
     * Returns the most probable regime of the agent's symbol under the engine's HMM.
     *
     * @return {@code trending}, {@code mean_reverting} or {@code volatile}; empty when no model covers the symbol
     */
    Optional<String> regime();
}
