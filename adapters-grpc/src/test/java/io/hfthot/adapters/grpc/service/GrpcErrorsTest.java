package io.hfthot.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabErrorCode;
import io.hfthot.engine.lab.LabException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one error mapping: every seed 000 code, the trailers, and what internal failures may reveal. */
class GrpcErrorsTest {
    @Test
    void everySeedCodeMapsToItsGrpcStatus() {
        Map<LabErrorCode, Status.Code> expected = Map.of(
                LabErrorCode.INVALID_PARAMS, Status.Code.INVALID_ARGUMENT,
                LabErrorCode.UNAUTHORIZED, Status.Code.UNAUTHENTICATED,
                LabErrorCode.TIER_REQUIRED, Status.Code.PERMISSION_DENIED,
                LabErrorCode.RATE_LIMITED, Status.Code.RESOURCE_EXHAUSTED,
                LabErrorCode.INTERNAL_ERROR, Status.Code.INTERNAL,
                LabErrorCode.SERVICE_UNAVAILABLE, Status.Code.UNAVAILABLE);
        for (LabErrorCode code : LabErrorCode.values()) {
            assertEquals(expected.get(code), GrpcErrors.statusCode(code), code.name());
            // The engine's own table names the same gRPC status.
            assertEquals(code.grpcStatusName(), GrpcErrors.statusCode(code).name());
        }
    }

    @Test
    void clientErrorsKeepTheirMessageCodeAndParameter() {
        StatusRuntimeException e = GrpcErrors.toStatus("GetOHLCV",
                LabException.invalid("limit", "limit must be in [1, 5000], got 6000"));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("limit must be in [1, 5000], got 6000", e.getStatus().getDescription());
        assertEquals("INVALID_PARAMS", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("limit", e.getTrailers().get(GrpcErrors.ERROR_PARAM));

        StatusRuntimeException tier = GrpcErrors.toStatus("GetOHLCV", new LabException(LabErrorCode.TIER_REQUIRED,
                "start_time", Tier.ENTERPRISE, "history older than 5 years needs Enterprise", null));
        assertEquals(Status.Code.PERMISSION_DENIED, tier.getStatus().getCode());
        assertEquals("TIER_REQUIRED", tier.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("start_time", tier.getTrailers().get(GrpcErrors.ERROR_PARAM));
    }

    @Test
    void internalFailuresRevealNothingOfTheirCause() {
        StatusRuntimeException lab = GrpcErrors.toStatus("Backtest",
                LabException.internal("lakehouse file /data/x.parquet is corrupt", new IllegalStateException()));
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
