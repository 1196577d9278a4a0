package io.hfthot.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.quant.InvalidParameterException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quant-core's refusals reach the wire by the parameter they name, never by their message. */
class QuantParametersTest {
    @TempDir
    Path dir;

    @Test
    void javaNamesMapToWireNamesByTheTableAndIndexesAreDropped() {
        assertEquals("expected_returns", QuantParameters.wireName("expectedReturns"));
        assertEquals("lookback_days", QuantParameters.wireName("lookback"));
        assertEquals("rebalance_days", QuantParameters.wireName("rebalanceEvery"));
        assertEquals("cost_bps", QuantParameters.wireName("costBps"));
        assertEquals("covariance", QuantParameters.wireName("covariance"), "same name on the wire");
        assertEquals("expected_returns", QuantParameters.wireName("expectedReturns[2]"));
    }

    @Test
    void aNamedRefusalBecomesInvalidParamsOnTheWireNameWhateverItsMessageSays() {
        EngineException e = assertThrows(EngineException.class, () -> QuantParameters.call(() -> {
            // The message mentions another parameter on purpose: only parameter() decides.
            throw new InvalidParameterException("expectedReturns", "has 2 entries but covariance is 3x3");
        }));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code());
        assertEquals("expected_returns", e.parameter().orElseThrow());
        assertEquals("has 2 entries but covariance is 3x3", e.getMessage());
    }

    @Test
    void anUnnamedLibraryRefusalIsNotTurnedIntoAClientError() {
        IllegalArgumentException bug = new IllegalArgumentException("gamma must be positive");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> QuantParameters.call(() -> {
            throw bug;
        })), "passes through unchanged, so the adapter answers INTERNAL_ERROR");
        ArithmeticException overflow = new ArithmeticException("overflow");
        assertSame(overflow, assertThrows(ArithmeticException.class, () -> QuantParameters.call(() -> {
            throw overflow;
        })));
    }

    @Test
    void theLabNamesTheParameterQuantCoreRefusedInAnExplicitOptimisation() {
        Instant now = Instant.parse("2026-01-12T14:00:30Z");
        Principal pro = new Principal("k-pro", "acct", Tier.PROFESSIONAL, now);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), Clock.fixed(now, ZoneOffset.UTC),
                null)) {
            // A covariance that is symmetric and square but not positive semidefinite: only quant-core can tell.
            OptimizeRequest request = new OptimizeRequest("cara", List.of("BTC-USDT", "ETH-USDT"),
                    null, null, null, List.of(0.1, 0.2), List.of(List.of(1.0, 2.0), List.of(2.0, 1.0)));
            EngineException e = assertThrows(EngineException.class, () -> lab.optimize(pro, request));
            assertEquals(ErrorCode.INVALID_PARAMS, e.code());
            assertEquals("covariance", e.parameter().orElseThrow());
        }
    }
}
