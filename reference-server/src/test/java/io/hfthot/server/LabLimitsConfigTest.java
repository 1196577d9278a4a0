package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.compute.ComputeLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key and compute limits are settable by flag or variable, with the documented defaults. */
class LabLimitsConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerConfig c = ServerConfig.parse(new String[0], Map.of());
        assertEquals(KeyLimits.defaults(), c.labLimits().keys());
        assertEquals(Duration.ofSeconds(10), c.labLimits().compute().deadline());
        assertEquals(ComputeLimits.defaults().threads(), c.labLimits().compute().threads());
        assertEquals(4 * c.labLimits().compute().threads(), c.labLimits().compute().queue());
    }

    @Test
    void flagsAndVariablesSetThem() {
        ServerConfig c = ServerConfig.parse(new String[] {"--max-live-keys", "free=1,pro=50", "--compute-deadline",
                "2500ms"}, Map.of("HFTHOT_KEY_CREATIONS_PER_DAY", "7", "HFTHOT_COMPUTE_THREADS", "3"));
        assertEquals(1, c.labLimits().keys().liveKeys(Tier.FREE_BETA));
        assertEquals(50, c.labLimits().keys().liveKeys(Tier.PROFESSIONAL));
        assertEquals(5, c.labLimits().keys().liveKeys(Tier.HOBBYIST), "unnamed tiers keep their default");
        assertEquals(7, c.labLimits().keys().creationsPerDay());
        assertEquals(3, c.labLimits().compute().threads());
        assertEquals(12, c.labLimits().compute().queue());
        assertEquals(Duration.ofMillis(2500), c.labLimits().compute().deadline());
        assertEquals(Duration.ofSeconds(3), ServerConfig.parse(new String[] {"--compute-deadline", "3"}, Map.of())
                .labLimits().compute().deadline(), "a bare number is seconds");
    }

    @Test
    void badValuesNameTheFlagAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--compute-deadline", "soon"}, Map.of()));
        assertTrue(e.getMessage().contains("--compute-deadline") && e.getMessage().contains("'soon'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--max-live-keys", "gold=3"}, Map.of()));
        assertTrue(e.getMessage().contains("--max-live-keys") && e.getMessage().contains("gold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--compute-threads", "-1"}, Map.of()));
        assertTrue(e.getMessage().contains("--compute-threads") && e.getMessage().contains("got -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--compute-deadline", "30m"}, Map.of()));
        assertTrue(e.getMessage().contains("'30m'"), e.getMessage());
    }
}
