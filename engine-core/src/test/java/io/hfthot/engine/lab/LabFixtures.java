package io.hfthot.engine.lab;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import java.time.Instant;

/** Shared test values. */
final class LabFixtures {
    /** A Monday afternoon, minute-aligned plus 30 s so that the current minute is open. */
    static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    /** The seed of the market. */
    static final long SEED = 7L;

    private LabFixtures() {
    }

    static Principal caller(Tier tier) {
        return new Principal("kid-" + tier.id(), "tester", tier, START);
    }
}
