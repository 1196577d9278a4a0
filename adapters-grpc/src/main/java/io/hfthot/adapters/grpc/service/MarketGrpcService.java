package io.hfthot.adapters.grpc.service;

import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.OHLCVRequest;
import io.hfthot.adapters.grpc.proto.OHLCVResponse;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.adapters.grpc.proto.TickerRequest;
import io.hfthot.adapters.grpc.proto.TickerResponse;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.TickMessage;

/** Seed 000's {@code MarketService}: ticker, OHLCV bars (bounded by the caller's tier) and the live trade stream. */
final class MarketGrpcService extends MarketServiceGrpc.MarketServiceImplBase {
    private final LabService engine;
    private final Rpcs rpcs;

    MarketGrpcService(LabService engine, Rpcs rpcs) {
        this.engine = engine;
        this.rpcs = rpcs;
    }

    @Override
    public void getTicker(TickerRequest request, StreamObserver<TickerResponse> observer) {
        Rpcs.unary("GetTicker", observer,
                () -> ProtoCodec.tickerResponse(engine.ticker(ProtoCodec.text(request.getSymbol()))));
    }

    @Override
    public void getOHLCV(OHLCVRequest request, StreamObserver<OHLCVResponse> observer) {
        Rpcs.unary("GetOHLCV", observer,
                () -> ProtoCodec.ohlcvResponse(engine.ohlcv(Rpcs.caller(), ProtoCodec.ohlcvRequest(request))));
    }

    @Override
    public void streamTicks(SubscribeRequest request, StreamObserver<Tick> observer) {
        String symbol = ProtoCodec.text(request.getSymbol());
        rpcs.stream("StreamTicks", observer, (options, listener) -> engine.subscribeTicks(symbol, options, listener),
                event -> ProtoCodec.tick((TickMessage) event.payload()));
    }
}
