package io.hfthot.adapters.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Chooses where a call runs: the few unary methods that answer from memory in microseconds run on the
 * transport thread that read the request; every other call runs on the server's default executor.
 *
 * <p>Why: grpc-java hands each call to its executor and back, a thread hop that costs more than
 * {@code GetRegime}'s whole work (a cached regime signal plus the key check); grpc-java's own benchmarks
 * use a direct executor for the same reason. Only methods that never block and never compute at length may
 * be listed here: a slow handler on a transport thread would delay every other call sharing it. Streams,
 * {@code GetOHLCV} (up to 5000 bars), {@code GetTicker} (it takes the simulated market's lock), the MFG
 * signal and the portfolio methods stay on the executor.
 */
final class InlineCalls implements ServerCallExecutorSupplier {
    /** Full method names answered inline. */
    static final Set<String> METHODS = Set.of(SignalServiceGrpc.getGetRegimeMethod().getFullMethodName());

    private static final Executor DIRECT = Runnable::run;

    @Override
    public <ReqT, RespT> Executor getExecutor(ServerCall<ReqT, RespT> call, Metadata metadata) {
        return METHODS.contains(call.getMethodDescriptor().getFullMethodName()) ? DIRECT : null;
    }
}
