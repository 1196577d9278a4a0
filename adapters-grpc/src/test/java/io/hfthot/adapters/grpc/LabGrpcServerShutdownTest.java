package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server under an open stream tells its client to reconnect and frees the subscription. */
class LabGrpcServerShutdownTest {
    @Test
    void closingTheServerEndsOpenStreamsWithUnavailable(@TempDir Path dir) throws Exception {
        try (LabFixture lab = new LabFixture(dir)) {
            LabGrpcServer server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0),
                    lab.engine, lab.clock);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                AtomicReference<Throwable> error = new AtomicReference<>();
                CountDownLatch failed = new CountDownLatch(1);
                SignalServiceGrpc.newStub(channel).withInterceptors(LabFixture.withKey(lab.key(Tier.PROFESSIONAL)))
                        .streamRegime(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build(),
                                new io.grpc.stub.StreamObserver<>() {
                                    @Override
                                    public void onNext(io.hfthot.adapters.grpc.proto.RegimeEvent value) {
                                    }

                                    @Override
                                    public void onError(Throwable t) {
                                        error.set(t);
                                        failed.countDown();
                                    }

                                    @Override
                                    public void onCompleted() {
                                        failed.countDown();
                                    }
                                });
                String topic = LabTopics.regime("BTC-USDT");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (lab.engine.bus().subscriberCount(topic) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertEquals(1, lab.engine.bus().subscriberCount(topic));
                server.close();
                assertEquals(true, failed.await(10, TimeUnit.SECONDS));
                StatusRuntimeException e = assertInstanceOf(StatusRuntimeException.class, error.get());
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
                assertEquals("the server is shutting down; reconnect", e.getStatus().getDescription());
                assertEquals(0, lab.engine.bus().subscriberCount(topic));
            } finally {
                LabFixture.shutdown(channel);
                server.close();
            }
        }
    }
}
