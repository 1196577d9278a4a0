package io.hfthot.adapters.grpc.service;

import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.BacktestRequest;
import io.hfthot.adapters.grpc.proto.BacktestResponse;
import io.hfthot.adapters.grpc.proto.OptimizeRequest;
import io.hfthot.adapters.grpc.proto.OptimizeResponse;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.engine.lab.LabEngine;

/** Seed 000's {@code PortfolioService}: optimisation and backtests over lakehouse history or explicit inputs. */
final class PortfolioGrpcService extends PortfolioServiceGrpc.PortfolioServiceImplBase {
    private final LabEngine engine;

    PortfolioGrpcService(LabEngine engine) {
        this.engine = engine;
    }

    @Override
    public void optimize(OptimizeRequest request, StreamObserver<OptimizeResponse> observer) {
        Rpcs.unary("Optimize", observer, () -> ProtoCodec.optimizeResponse(
                engine.optimize(Rpcs.caller(), ProtoCodec.optimizeRequest(request))));
    }

    @Override
    public void backtest(BacktestRequest request, StreamObserver<BacktestResponse> observer) {
        Rpcs.unary("Backtest", observer, () -> ProtoCodec.backtestResponse(
                engine.backtest(Rpcs.caller(), ProtoCodec.backtestRequest(request))));
    }
}
