package io.hfthot.adapters.grpc.service;

import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.MFGRequest;
import io.hfthot.adapters.grpc.proto.MFGResponse;
import io.hfthot.adapters.grpc.proto.RegimeEvent;
import io.hfthot.adapters.grpc.proto.RegimeRequest;
import io.hfthot.adapters.grpc.proto.RegimeResponse;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.RegimeChangeMessage;

/** Seed 000's {@code SignalService}: HMM regime, MFG price signal and the regime-change stream. */
final class SignalGrpcService extends SignalServiceGrpc.SignalServiceImplBase {
    private final LabService engine;
    private final Rpcs rpcs;

    SignalGrpcService(LabService engine, Rpcs rpcs) {
        this.engine = engine;
        this.rpcs = rpcs;
    }

    @Override
    public void getRegime(RegimeRequest request, StreamObserver<RegimeResponse> observer) {
        Rpcs.unary("GetRegime", observer, () -> ProtoCodec.regimeResponse(
                engine.regime(ProtoCodec.text(request.getSymbol()), ProtoCodec.count(request.getLookback()))));
    }

    @Override
    public void getMFGPrice(MFGRequest request, StreamObserver<MFGResponse> observer) {
        Rpcs.unary("GetMFGPrice", observer, () -> ProtoCodec.mfgResponse(Rpcs.compute(engine, "MFG price signal",
                () -> engine.mfgPrice(ProtoCodec.text(request.getSymbol()), ProtoCodec.count(request.getHorizonMin()),
                        ProtoCodec.count(request.getNAgents())))));
    }

    @Override
    public void streamRegime(SubscribeRequest request, StreamObserver<RegimeEvent> observer) {
        String symbol = ProtoCodec.text(request.getSymbol());
        rpcs.stream("StreamRegime", observer, (options, listener) -> engine.subscribeRegime(symbol, options, listener),
                event -> ProtoCodec.regimeEvent((RegimeChangeMessage) event.payload()));
    }
}
