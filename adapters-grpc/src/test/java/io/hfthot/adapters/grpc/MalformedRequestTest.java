package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.adapters.grpc.proto.TickerRequest;
import io.hfthot.engine.identity.Tier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose bytes are not the method's protobuf message is answered INVALID_ARGUMENT (the client's
 * fault), not UNKNOWN, on unary and server-streaming rpcs; the server serves the next call normally.
 * The garbage is sent through a raw byte-array marshaller, as a broken or hostile client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest {
    /** A truncated varint-length field: tag 1 (string) announcing 100 bytes, followed by 3. */
    private static final byte[] GARBAGE = {0x0a, 0x64, 'B', 'T', 'C'};

    private LabFixture lab;
    private LabGrpcServer server;
    private ManagedChannel channel;
    private String proKey;

    @BeforeAll
    void start(@TempDir Path dir) {
        lab = new LabFixture(dir);
        server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0), lab.engine, lab.clock);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        proKey = lab.key(Tier.PROFESSIONAL);
    }

    @AfterAll
    void stop() throws InterruptedException {
        LabFixture.shutdown(channel);
        server.close();
        lab.close();
    }

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<?, ?> method) {
        return method.toBuilder(RAW, RAW).build();
    }

    private CallOptions withKey() {
        return CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private io.grpc.Channel keyed() {
        return io.grpc.ClientInterceptors.intercept(channel, LabFixture.withKey(proKey));
    }

    @Test
    void garbageOnAUnaryRpcIsInvalidArgument() {
        for (MethodDescriptor<?, ?> method : new MethodDescriptor<?, ?>[] {MarketServiceGrpc.getGetTickerMethod(),
                PortfolioServiceGrpc.getOptimizeMethod()}) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> ClientCalls.blockingUnaryCall(keyed(), raw(method), withKey(), GARBAGE));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), method.getFullMethodName() + ": " + e);
            assertTrue(e.getStatus().getDescription().contains("not a valid"), e.getStatus().getDescription());
        }
        // The server carries on: a well-formed request on the same channel succeeds.
        byte[] ok = ClientCalls.blockingUnaryCall(keyed(), raw(MarketServiceGrpc.getGetTickerMethod()), withKey(),
                TickerRequest.newBuilder().setSymbol("BTC-USDT").build().toByteArray());
        assertTrue(ok.length > 0);
    }

    @Test
    void garbageOnAServerStreamIsInvalidArgument() {
        Iterator<byte[]> it = ClientCalls.blockingServerStreamingCall(keyed(), raw(MarketServiceGrpc.getStreamTicksMethod()),
                withKey(), GARBAGE);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, it::hasNext);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
    }
}
