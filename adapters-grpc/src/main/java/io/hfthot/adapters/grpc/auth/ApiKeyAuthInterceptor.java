package io.hfthot.adapters.grpc.auth;

import io.hfthot.adapters.grpc.service.GrpcErrors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.Authentication;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/**
 * Authenticates every call by its {@code x-hfthot-api-key} metadata and applies the quota decisions.
 *
 * <p>Order of checks, so that a refused call spends nothing it was not allowed: (1) the key
 * (UNAUTHENTICATED), (2) seed 000's gRPC gate, Professional and up (PERMISSION_DENIED), (3) the key's
 * request window, shared with REST since limits are per key (RESOURCE_EXHAUSTED), (4) the method's own
 * feature when one is mapped, e.g. {@code GetMFGPrice} to {@link Feature#MFG_SIGNALS} (PERMISSION_DENIED or
 * RESOURCE_EXHAUSTED). Refusals carry the seed 000 error code in {@code x-hfthot-error-code} and, when a
 * limit applied, {@code x-ratelimit-limit}, {@code x-ratelimit-remaining} and {@code x-ratelimit-reset}
 * in the trailers; admitted calls carry the rate-limit keys in their response headers. The principal is
 * available to service code as {@link #PRINCIPAL}{@code .get()}. Thread-safe.
 */
public final class ApiKeyAuthInterceptor implements ServerInterceptor {
    /** The metadata key seed 000's gRPC clients send. */
    public static final Metadata.Key<String> API_KEY =
            Metadata.Key.of(AccessControl.API_KEY_METADATA, Metadata.ASCII_STRING_MARSHALLER);
    /** The authenticated principal of the current call. */
    public static final Context.Key<Principal> PRINCIPAL = Context.key("hfthot-principal");
    /** Trailer/header: the window limit. */
    public static final Metadata.Key<String> RATE_LIMIT_LIMIT =
            Metadata.Key.of("x-ratelimit-limit", Metadata.ASCII_STRING_MARSHALLER);
    /** Trailer/header: what is left in the window. */
    public static final Metadata.Key<String> RATE_LIMIT_REMAINING =
            Metadata.Key.of("x-ratelimit-remaining", Metadata.ASCII_STRING_MARSHALLER);
    /** Trailer/header: when the window next frees a slot, epoch seconds. */
    public static final Metadata.Key<String> RATE_LIMIT_RESET =
            Metadata.Key.of("x-ratelimit-reset", Metadata.ASCII_STRING_MARSHALLER);
    /** Trailer: seed 000's error code of a refusal. */
    public static final Metadata.Key<String> ERROR_CODE =
            Metadata.Key.of("x-hfthot-error-code", Metadata.ASCII_STRING_MARSHALLER);

    private final AccessControl access;
    private final InstantSource clock;
    private final Map<String, Feature> methodFeatures;

    /**
     * Creates the interceptor.
     *
     * @param access         the engine facade
     * @param clock          the time source for decisions
     * @param methodFeatures full method name (e.g. {@code hfthot.SignalService/GetMFGPrice}) to the extra
     *                       feature it needs; methods not listed need only gRPC access
     */
    public ApiKeyAuthInterceptor(AccessControl access, InstantSource clock, Map<String, Feature> methodFeatures) {
        if (access == null || clock == null || methodFeatures == null) {
            throw new IllegalArgumentException("access, clock and methodFeatures must not be null");
        }
        this.access = access;
        this.clock = clock;
        this.methodFeatures = Map.copyOf(methodFeatures);
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
                                                                 ServerCallHandler<ReqT, RespT> next) {
        try {
            return admit(call, headers, next);
        } catch (EngineException e) {
            // A shared store that cannot be asked (Redis down) refuses with UNAVAILABLE, never lets the call in.
            call.close(Status.fromCode(GrpcErrors.statusCode(e.code())).withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
    }

    private <ReqT, RespT> ServerCall.Listener<ReqT> admit(ServerCall<ReqT, RespT> call, Metadata headers,
                                                          ServerCallHandler<ReqT, RespT> next) {
        Authentication auth = access.authenticate(headers.get(API_KEY));
        if (auth instanceof Authentication.Rejected) {
            return refuse(call, ((Authentication.Rejected) auth).decision());
        }
        Principal principal = ((Authentication.Authenticated) auth).principal();
        Instant now = clock.instant();
        QuotaDecision gate = access.decide(principal, Feature.GRPC_ACCESS, now);
        if (!gate.allowed()) {
            return refuse(call, gate);
        }
        QuotaDecision window = access.decide(principal, Feature.REST_REQUEST, now);
        if (!window.allowed()) {
            return refuse(call, window);
        }
        Feature extra = methodFeatures.get(call.getMethodDescriptor().getFullMethodName());
        if (extra != null) {
            QuotaDecision feature = access.decide(principal, extra, now);
            if (!feature.allowed()) {
                return refuse(call, feature);
            }
        }
        ServerCall<ReqT, RespT> withHeaders = window.hasRateLimit() ? new RateLimitHeaders<>(call, window) : call;
        return Contexts.interceptCall(Context.current().withValue(PRINCIPAL, principal), withHeaders, headers, next);
    }

    private static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(ServerCall<ReqT, RespT> call, QuotaDecision decision) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, decision.errorCode());
        putRateLimit(trailers, decision);
        call.close(Status.fromCode(GrpcErrors.statusCode(decision.code())).withDescription(decision.message()), trailers);
        return new ServerCall.Listener<>() {
        };
    }

    private static void putRateLimit(Metadata metadata, QuotaDecision decision) {
        if (decision.hasRateLimit()) {
            metadata.put(RATE_LIMIT_LIMIT, Long.toString(decision.limit()));
            metadata.put(RATE_LIMIT_REMAINING, Long.toString(decision.remaining()));
            metadata.put(RATE_LIMIT_RESET, Long.toString(decision.resetEpochSecond()));
        }
    }

    /** Adds the admitted call's rate-limit state to its response headers. */
    private static final class RateLimitHeaders<ReqT, RespT>
            extends ForwardingServerCall.SimpleForwardingServerCall<ReqT, RespT> {
        private final QuotaDecision decision;

        RateLimitHeaders(ServerCall<ReqT, RespT> delegate, QuotaDecision decision) {
            super(delegate);
            this.decision = decision;
        }

        @Override
        public void sendHeaders(Metadata headers) {
            putRateLimit(headers, decision);
            super.sendHeaders(headers);
        }
    }
}
