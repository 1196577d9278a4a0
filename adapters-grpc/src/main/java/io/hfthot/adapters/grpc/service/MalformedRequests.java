package io.hfthot.adapters.grpc.service;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.InputStream;

/**
 * Answers a request whose bytes are not the method's protobuf message with INVALID_ARGUMENT, the client's
 * fault, instead of grpc-java's UNKNOWN.
 *
 * <p>Why a wrapper: grpc-java parses the request in {@code ServerCallImpl} before any interceptor's listener
 * sees it, and an exception there is closed as {@code UNKNOWN: Application error processing RPC} whatever
 * status it carries (the protobuf marshaller throws INTERNAL "Invalid protobuf byte sequence"). With
 * {@link ServerInterceptors#useInputStreamMessages} the transport hands the raw stream on and the parse moves
 * into the wrapped handler's {@code onMessage}, where the listener below catches it. Only a protobuf parse
 * failure is turned into INVALID_ARGUMENT; any other exception propagates as before. After such a failure
 * the call is closed, so the request's half-close is not passed on (the handler would otherwise report a
 * missing request); completion and cancellation still are, so interceptors release what they hold.
 */
final class MalformedRequests {
    private MalformedRequests() {
    }

    /**
     * Wraps a service so malformed requests get INVALID_ARGUMENT.
     *
     * @param service the service (typed protobuf methods)
     * @return the same methods, carrying raw streams on the wire and parsing them behind the guard
     */
    static ServerServiceDefinition guard(ServerServiceDefinition service) {
        return ServerInterceptors.intercept(ServerInterceptors.useInputStreamMessages(service), new Guard());
    }

    private static final class Guard implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
                private boolean refused;

                @Override
                public void onMessage(Q message) {
                    if (refused) {
                        return;
                    }
                    try {
                        super.onMessage(message);
                    } catch (StatusRuntimeException e) {
                        if (!(e.getCause() instanceof InvalidProtocolBufferException bad)) {
                            throw e;
                        }
                        refused = true;
                        if (message instanceof InputStream in) {
                            closeQuietly(in);
                        }
                        call.close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid "
                                + call.getMethodDescriptor().getFullMethodName() + " request message: "
                                + bad.getMessage()), new Metadata());
                    }
                }

                @Override
                public void onHalfClose() {
                    if (!refused) {
                        super.onHalfClose();
                    }
                }
            };
        }

        private static void closeQuietly(InputStream in) {
            try {
                in.close();
            } catch (java.io.IOException ignored) {
                // Nothing to do: the bytes are dropped either way.
            }
        }
    }
}
