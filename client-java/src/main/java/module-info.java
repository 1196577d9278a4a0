/**
 * The HFThot Java SDK: REST and WebSocket over the JDK, gRPC from the published proto, the HTI SSE stream.
 *
 * <p>gRPC's jars are automatic modules (they name themselves in their manifests: {@code io.grpc},
 * {@code io.grpc.stub}, {@code io.grpc.protobuf}, {@code com.google.protobuf}, {@code com.google.common});
 * the transport, {@code io.grpc.netty.shaded}, is found by grpc-java's service lookup and needs no
 * {@code requires}. {@code ModulePathTest} resolves this module and its dependencies as a module layer.
 */
module io.hfthot.client {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    // The gRPC client's API exposes grpc-java and protobuf types (channels, stubs, generated messages).
    requires transitive io.grpc;
    requires transitive io.grpc.stub;
    requires transitive io.grpc.protobuf;
    requires transitive com.google.protobuf;
    // The generated future stubs return Guava's ListenableFuture.
    requires transitive com.google.common;

    exports io.hfthot.client;
    exports io.hfthot.client.model;
    exports io.hfthot.client.stream;
    exports io.hfthot.client.sse;
    exports io.hfthot.client.grpc;
    exports io.hfthot.client.grpc.proto;

    // Jackson builds the records of these packages reflectively.
    opens io.hfthot.client.model to com.fasterxml.jackson.databind;
    opens io.hfthot.client.stream to com.fasterxml.jackson.databind;
}
