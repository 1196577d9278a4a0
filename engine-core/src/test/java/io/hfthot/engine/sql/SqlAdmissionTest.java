package io.hfthot.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-caller and server-wide caps on concurrent SQL queries. */
class SqlAdmissionTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Principal key(String id, String owner) {
        return new Principal(id, owner, Tier.PROFESSIONAL, T);
    }

    private static SqlLimits limits(int perCaller, int concurrent, Duration wait) {
        return new SqlLimits(perCaller, concurrent, wait, SqlLimits.defaultTimeouts());
    }

    @Test
    void aCallerOverItsShareIsRefusedAtOnceWithRateLimited() {
        SqlAdmission admission = new SqlAdmission(limits(2, 4, Duration.ofSeconds(5)));
        Principal a = key("k1", "alice");
        SqlAdmission.Permit first = admission.admit(a);
        SqlAdmission.Permit second = admission.admit(a);
        long started = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, () -> admission.admit(a));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(1).toNanos(), "refused without waiting");
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals("sql", e.parameter().orElseThrow());
        assertTrue(e.getMessage().contains("already runs 2 SQL queries"), e.getMessage());
        // another key of the same account shares the owner's count: minting keys does not multiply it
        assertThrows(EngineException.class, () -> admission.admit(key("k2", "alice")));
        // someone else still gets in
        admission.admit(key("k3", "bob")).close();
        first.close();
        first.close(); // idempotent
        admission.admit(key("k2", "alice")).close();
        second.close();
    }

    @Test
    void aBusyServerRefusesAfterTheQueueWaitAndFreesTheCallersShare() {
        SqlAdmission admission = new SqlAdmission(limits(1, 2, Duration.ofMillis(200)));
        SqlAdmission.Permit a = admission.admit(key("a", "a"));
        SqlAdmission.Permit b = admission.admit(key("b", "b"));
        long started = System.nanoTime();
        EngineException e = assertThrows(EngineException.class, () -> admission.admit(key("c", "c")));
        long waited = System.nanoTime() - started;
        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertTrue(e.getMessage().contains("all 2 SQL query slots"), e.getMessage());
        assertTrue(waited >= Duration.ofMillis(150).toNanos() && waited < Duration.ofSeconds(2).toNanos(), "waited " + waited);
        a.close();
        admission.admit(key("c", "c")).close(); // c's failed attempt left nothing behind
        b.close();
    }

    @Test
    void limitsAreValidatedWithTheFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> limits(5, 4, Duration.ZERO));
        assertTrue(e.getMessage().contains("per caller") && e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SqlLimits(1, 4, Duration.ZERO, Map.of(Tier.ENTERPRISE, Duration.ofSeconds(1))));
        assertEquals(Duration.ofSeconds(5), SqlLimits.defaults().timeout(Tier.FREE_BETA));
    }
}
