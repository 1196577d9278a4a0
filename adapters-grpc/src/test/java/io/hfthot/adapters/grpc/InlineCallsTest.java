package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class InlineCallsTest {
    /** A call that only knows its method: all the supplier looks at. */
    private static <Q, R> ServerCall<Q, R> callOf(MethodDescriptor<Q, R> method) {
        return new ServerCall<>() {
            @Override
            public void request(int numMessages) {
            }

            @Override
            public void sendHeaders(Metadata headers) {
            }

            @Override
            public void sendMessage(R message) {
            }

            @Override
            public void close(Status status, Metadata trailers) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Attributes getAttributes() {
                return Attributes.EMPTY;
            }

            @Override
            public MethodDescriptor<Q, R> getMethodDescriptor() {
                return method;
            }
        };
    }

    @Test
    void getRegimeRunsInlineOnTheCallingThread() {
        Executor executor = new InlineCalls().getExecutor(callOf(SignalServiceGrpc.getGetRegimeMethod()), new Metadata());
        assertNotNull(executor);
        List<Thread> ranOn = new ArrayList<>();
        executor.execute(() -> ranOn.add(Thread.currentThread()));
        assertEquals(List.of(Thread.currentThread()), ranOn);
    }

    @Test
    void everyOtherMethodKeepsTheServersExecutor() {
        InlineCalls inline = new InlineCalls();
        for (MethodDescriptor<?, ?> m : List.of(MarketServiceGrpc.getGetTickerMethod(),
                MarketServiceGrpc.getGetOHLCVMethod(), MarketServiceGrpc.getStreamTicksMethod(),
                SignalServiceGrpc.getGetMFGPriceMethod(), SignalServiceGrpc.getStreamRegimeMethod(),
                PortfolioServiceGrpc.getOptimizeMethod(), PortfolioServiceGrpc.getBacktestMethod())) {
            assertNull(inline.getExecutor(callOf(m), new Metadata()), m.getFullMethodName());
        }
    }
}
