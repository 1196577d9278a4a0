package io.hfthot.adapters.grpc.service;

import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.BacktestRequest;
import io.hfthot.adapters.grpc.proto.BacktestResponse;
import io.hfthot.adapters.grpc.proto.OptimizeRequest;
import io.hfthot.adapters.grpc.proto.OptimizeResponse;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.lab.LabService;

/** Seed 000's {@code PortfolioService}: optimisation and backtests over lakehouse history or explicit inputs. */
final class PortfolioGrpcService extends PortfolioServiceGrpc.PortfolioServiceImplBase {
    private final LabService engine;

    PortfolioGrpcService(LabService engine) {
        this.engine = engine;
    }

    @Override
    public void optimize(OptimizeRequest request, StreamObserver<OptimizeResponse> observer) {
        Rpcs.unary("Optimize", observer, () -> {
            // The caller lives in the gRPC context, which the compute thread does not see: read it here.
            Principal caller = Rpcs.caller();
            var body = ProtoCodec.optimizeRequest(request);
            return ProtoCodec.optimizeResponse(Rpcs.compute(engine, "portfolio optimisation",
                    () -> engine.optimize(caller, body)));
        });
    }

    @Override
    public void backtest(BacktestRequest request, StreamObserver<BacktestResponse> observer) {
        Rpcs.unary("Backtest", observer, () -> {
            Principal caller = Rpcs.caller();
            var body = ProtoCodec.backtestRequest(request);
            return ProtoCodec.backtestResponse(Rpcs.compute(engine, "backtest", () -> engine.backtest(caller, body)));
        });
    }
}
