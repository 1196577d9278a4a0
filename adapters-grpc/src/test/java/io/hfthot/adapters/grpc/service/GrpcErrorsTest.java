package io.hfthot.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error mapping: every seed 000 code, the trailers, and what internal failures may reveal. */
class GrpcErrorsTest {
    @Test
    void everySeedCodeMapsToItsGrpcStatus() {
        Map<ErrorCode, Status.Code> expected = Map.of(
                ErrorCode.INVALID_PARAMS, Status.Code.INVALID_ARGUMENT,
                ErrorCode.UNAUTHORIZED, Status.Code.UNAUTHENTICATED,
                ErrorCode.TIER_REQUIRED, Status.Code.PERMISSION_DENIED,
                ErrorCode.RATE_LIMITED, Status.Code.RESOURCE_EXHAUSTED,
                ErrorCode.INTERNAL_ERROR, Status.Code.INTERNAL,
                ErrorCode.SERVICE_UNAVAILABLE, Status.Code.UNAVAILABLE,
                ErrorCode.NOT_FOUND, Status.Code.NOT_FOUND,
                ErrorCode.CONFLICT, Status.Code.FAILED_PRECONDITION);
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(expected.get(code), GrpcErrors.statusCode(code), code.name());
        }
    }

    @Test
    void clientErrorsKeepTheirMessageCodeAndParameter() {
        StatusRuntimeException e = GrpcErrors.toStatus("GetOHLCV",
                EngineException.invalid("limit", "limit must be in [1, 5000], got 6000"));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("limit must be in [1, 5000], got 6000", e.getStatus().getDescription());
        assertEquals("INVALID_PARAMS", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("limit", e.getTrailers().get(GrpcErrors.ERROR_PARAM));

        StatusRuntimeException tier = GrpcErrors.toStatus("GetOHLCV", new EngineException(ErrorCode.TIER_REQUIRED,
                "start_time", Tier.ENTERPRISE, "history older than 5 years needs Enterprise", null));
        assertEquals(Status.Code.PERMISSION_DENIED, tier.getStatus().getCode());
        assertEquals("TIER_REQUIRED", tier.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("start_time", tier.getTrailers().get(GrpcErrors.ERROR_PARAM));
    }

    @Test
    void internalFailuresRevealNothingOfTheirCause() {
        StatusRuntimeException lab = GrpcErrors.toStatus("Backtest",
                EngineException.internal("lakehouse file /data/x.parquet is corrupt", new IllegalStateException()));
        StatusRuntimeException bug = GrpcErrors.toStatus("Backtest", new NullPointerException("secret detail"));
        for (StatusRuntimeException e : new StatusRuntimeException[] {lab, bug}) {
            assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
            assertEquals("Unexpected server error: retry with exponential backoff", e.getStatus().getDescription());
            assertEquals("INTERNAL_ERROR", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
            assertNull(e.getTrailers().get(GrpcErrors.ERROR_PARAM));
            assertNull(e.getStatus().getCause(), "the cause stays on the server");
        }
    }

    @Test
    void statusExceptionsPassThroughUnchanged() {
        StatusRuntimeException already = Status.CANCELLED.asRuntimeException();
        assertSame(already, GrpcErrors.toStatus("StreamTicks", already));
    }
}
