package io.hfthot.benchmarks.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.RegimeRequest;
import io.hfthot.adapters.grpc.proto.RegimeResponse;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The peer of the gRPC benchmarks: bare grpc-java on the same Netty transport and the same proto, with
 * no authentication, no engine and no event bus. {@code GetRegime} answers a constant message;
 * {@code StreamTicks} writes constant-shaped ticks (with a running {@code seq}) from the on-ready callback
 * for as long as the transport is ready, which is the fastest a flow-controlled server stream can go.
 * The baselines (unary p50 154 us, stream ~550k msg/s with batched client requests) were taken
 * with such a server.
 */
public final class BareGrpcBaseline implements AutoCloseable {
    private final Server server;

    private BareGrpcBaseline(Server server) {
        this.server = server;
    }

    /**
     * Starts the baseline server on 127.0.0.1 and a free port, with grpc-java's default executor.
     *
     * @return the running server
     * @throws IOException when it cannot bind
     */
    public static BareGrpcBaseline start() throws IOException {
        return start(false);
    }

    /**
     * Starts the baseline server on 127.0.0.1 and a free port.
     *
     * @param directExecutor run calls on the transport thread (the 120 us variant) instead of the
     *                       default executor (its 154 us one)
     * @return the running server
     * @throws IOException when it cannot bind
     */
    public static BareGrpcBaseline start(boolean directExecutor) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                        InsecureServerCredentials.create())
                .addService(new Signals())
                .addService(new Market());
        if (directExecutor) {
            builder.directExecutor();
        }
        return new BareGrpcBaseline(builder.build().start());
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A constant GetRegime. */
    private static final class Signals extends SignalServiceGrpc.SignalServiceImplBase {
        private static final RegimeResponse ANSWER = RegimeResponse.newBuilder().setSymbol("BTC-USDT")
                .setRegime("mean_reverting").setConfidence(0.87).setStrategy("stat_arb")
                .putStateProbs("trending", 0.06).putStateProbs("mean_reverting", 0.87)
                .putStateProbs("volatile", 0.07).setLatencyUs(1).build();

        @Override
        public void getRegime(RegimeRequest request, StreamObserver<RegimeResponse> observer) {
            observer.onNext(ANSWER);
            observer.onCompleted();
        }
    }

    /** A StreamTicks that writes while the transport is ready. */
    private static final class Market extends MarketServiceGrpc.MarketServiceImplBase {
        @Override
        public void streamTicks(SubscribeRequest request, StreamObserver<Tick> responseObserver) {
            ServerCallStreamObserver<Tick> observer = (ServerCallStreamObserver<Tick>) responseObserver;
            AtomicBoolean cancelled = new AtomicBoolean();
            long[] seq = {0};
            observer.setOnCancelHandler(() -> cancelled.set(true));
            observer.setOnReadyHandler(() -> {
                // gRPC runs on-ready callbacks serially for one call, so seq needs no lock.
                while (observer.isReady() && !cancelled.get()) {
                    long n = ++seq[0];
                    observer.onNext(Tick.newBuilder().setSymbol(request.getSymbol()).setPrice(42_000 + (n % 100))
                            .setQty(0.01).setSide((n & 1) == 0 ? "buy" : "sell").setTsMs(1_706_785_201_423L + n)
                            .setLatencyUs(0).setSeq(n).build());
                }
            });
        }
    }
}
