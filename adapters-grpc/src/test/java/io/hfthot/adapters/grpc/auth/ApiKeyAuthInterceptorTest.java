package io.hfthot.adapters.grpc.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the interceptor through the in-process transport with a hand-built unary service (the real
 * HFThot proto is not needed to test authentication).
 */
class ApiKeyAuthInterceptorTest {
    private static final MethodDescriptor.Marshaller<String> UTF8 = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<String, String> REGIME = method("GetRegime");
    private static final MethodDescriptor<String, String> MFG = method("GetMFGPrice");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final InstantSource clock = now::get;
    private final AccessControl access = AccessControl.inMemory(clock, RandomSecrets.system());
    private Server server;
    private ManagedChannel channel;

    private static MethodDescriptor<String, String> method(String name) {
        return MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName("test.SignalService", name))
                .setRequestMarshaller(UTF8).setResponseMarshaller(UTF8).build();
    }

    @BeforeEach
    void start() throws IOException {
        ServerCalls.UnaryMethod<String, String> answer = (request, observer) -> {
            Principal principal = ApiKeyAuthInterceptor.PRINCIPAL.get();
            observer.onNext(request + " for " + principal.ownerId() + " on " + principal.tier().id());
            observer.onCompleted();
        };
        ServerServiceDefinition service = ServerServiceDefinition.builder("test.SignalService")
                .addMethod(REGIME, ServerCalls.asyncUnaryCall(answer))
                .addMethod(MFG, ServerCalls.asyncUnaryCall(answer))
                .build();
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service, new ApiKeyAuthInterceptor(access, clock,
                        Map.of(MFG.getFullMethodName(), Feature.MFG_SIGNALS))))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private String call(MethodDescriptor<String, String> method, String key, AtomicReference<Metadata> headers,
                        AtomicReference<Metadata> trailers) {
        Metadata metadata = new Metadata();
        if (key != null) {
            metadata.put(ApiKeyAuthInterceptor.API_KEY, key);
        }
        return ClientCalls.blockingUnaryCall(ClientInterceptors.intercept(channel,
                        MetadataUtils.newAttachHeadersInterceptor(metadata),
                        MetadataUtils.newCaptureMetadataInterceptor(headers, trailers)),
                method, io.grpc.CallOptions.DEFAULT, "regime");
    }

    private StatusRuntimeException refused(MethodDescriptor<String, String> method, String key) {
        return assertThrows(StatusRuntimeException.class,
                () -> call(method, key, new AtomicReference<>(), new AtomicReference<>()));
    }

    @Test
    void professionalKeyPassesWithPrincipalInContextAndRateHeaders() {
        String key = access.keys().issue("user-123", Tier.PROFESSIONAL).rawKey();
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        assertEquals("regime for user-123 on professional", call(REGIME, key, headers, trailers));
        assertEquals("2000", headers.get().get(ApiKeyAuthInterceptor.RATE_LIMIT_LIMIT));
        assertEquals("1999", headers.get().get(ApiKeyAuthInterceptor.RATE_LIMIT_REMAINING));
        assertEquals(Long.toString(now.get().getEpochSecond() + 60), headers.get().get(ApiKeyAuthInterceptor.RATE_LIMIT_RESET));
        assertEquals("regime for user-123 on professional", call(MFG, key, headers, trailers));
    }

    @Test
    void missingOrUnknownKeyIsUnauthenticated() {
        StatusRuntimeException missing = refused(REGIME, null);
        assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());
        assertTrue(missing.getStatus().getDescription().contains("Missing API key"));
        assertEquals("UNAUTHORIZED", missing.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals(Status.Code.UNAUTHENTICATED, refused(REGIME, "hft_pro_notarealkey").getStatus().getCode());
    }

    @Test
    void tiersBelowProfessionalArePermissionDenied() {
        for (Tier tier : new Tier[] {Tier.FREE_BETA, Tier.HOBBYIST}) {
            StatusRuntimeException e = refused(REGIME, access.keys().issue("u", tier).rawKey());
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("Professional"), e.getStatus().getDescription());
            assertEquals("TIER_REQUIRED", e.getTrailers().get(ApiKeyAuthInterceptor.ERROR_CODE));
            assertNull(e.getTrailers().get(ApiKeyAuthInterceptor.RATE_LIMIT_LIMIT));
        }
    }

    @Test
    void overTheWindowIsResourceExhaustedWithRateLimitTrailers() {
        String key = access.keys().issue("u", Tier.PROFESSIONAL).rawKey();
        for (int i = 0; i < 2000; i++) {
            call(REGIME, key, new AtomicReference<>(), new AtomicReference<>());
        }
        StatusRuntimeException e = refused(REGIME, key);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
        Metadata trailers = e.getTrailers();
        assertNotNull(trailers);
        assertEquals("RATE_LIMITED", trailers.get(ApiKeyAuthInterceptor.ERROR_CODE));
        assertEquals("2000", trailers.get(ApiKeyAuthInterceptor.RATE_LIMIT_LIMIT));
        assertEquals("0", trailers.get(ApiKeyAuthInterceptor.RATE_LIMIT_REMAINING));
        assertEquals(Long.toString(now.get().getEpochSecond() + 60), trailers.get(ApiKeyAuthInterceptor.RATE_LIMIT_RESET));
        now.set(now.get().plusSeconds(60));
        assertEquals("regime for u on professional", call(REGIME, key, new AtomicReference<>(), new AtomicReference<>()));
    }

    @Test
    void revokedKeyStopsWorking() {
        var issued = access.keys().issue("u", Tier.ENTERPRISE);
        assertEquals("regime for u on enterprise", call(REGIME, issued.rawKey(), new AtomicReference<>(),
                new AtomicReference<>()));
        access.keys().revoke(issued.record().keyId());
        assertEquals(Status.Code.UNAUTHENTICATED, refused(REGIME, issued.rawKey()).getStatus().getCode());
    }
}
