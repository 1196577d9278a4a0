package io.hfthot.benchmarks.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.hfthot.adapters.grpc.proto.RegimeRequest;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Round-trip latency of seed 000's {@code SignalService/GetRegime} over loopback TCP, one caller, as a
 * latency distribution (read p0.50 and p0.99).
 *
 * <p>Peer figures: {@code target=bare} is bare grpc-java on the same transport and proto answering a
 * constant (the baseline: p50 154 us with default executors; {@code target=bare-direct} runs it on
 * the transport thread, the 120 us variant); {@code target=lab} is
 * {@link io.hfthot.adapters.grpc.LabGrpcServer} with API-key authentication, the tier gate, the request
 * window and the engine's regime inference on {@code lookback} bars; {@code target=engine} calls
 * {@code LabService.regime} directly, without gRPC, to show how much of the round trip is the engine's.
 * Goal: lab p50 <= 200 us.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrpcUnaryBenchmark {
    /** Which server answers. */
    @Param({"bare", "bare-direct", "lab", "engine"})
    public String target;

    /** Bars of HMM inference asked for (seed 000's example uses 200). */
    @Param({"200"})
    public int lookback;

    private BareGrpcBaseline bare;
    private LabGrpcTarget lab;
    private ManagedChannel channel;
    private SignalServiceGrpc.SignalServiceBlockingStub stub;
    private RegimeRequest request;

    /**
     * Starts the server under test and connects one channel with default executors.
     *
     * @throws Exception when a server cannot start
     */
    @Setup
    public void setUp() throws Exception {
        int port;
        String key = null;
        if (target.startsWith("bare")) {
            bare = BareGrpcBaseline.start("bare-direct".equals(target));
            port = bare.port();
        } else {
            lab = new LabGrpcTarget();
            port = lab.server.port();
            key = lab.apiKey;
        }
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        stub = SignalServiceGrpc.newBlockingStub(channel);
        if (key != null) {
            Metadata metadata = new Metadata();
            metadata.put(Metadata.Key.of("x-hfthot-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
        }
        request = RegimeRequest.newBuilder().setSymbol("BTC-USDT").setLookback(lookback).build();
        getRegime();
    }

    /**
     * Stops the channel and the server.
     *
     * @throws Exception when shutting down fails
     */
    @TearDown
    public void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        if (bare != null) {
            bare.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /**
     * One GetRegime round trip (or, for {@code target=engine}, one direct engine call).
     *
     * @return the answer
     */
    @Benchmark
    public Object getRegime() {
        if (lab != null && "engine".equals(target)) {
            return lab.engine.regime("BTC-USDT", lookback);
        }
        return stub.getRegime(request);
    }
}
