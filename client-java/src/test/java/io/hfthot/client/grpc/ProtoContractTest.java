package io.hfthot.client.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The SDK generates its gRPC stubs from a copy of the published {@code hfthot.proto} (it may not depend on the
 * server's {@code adapters-grpc}). The copy must stay the published file, except for {@code java_package}: the
 * SDK's classes live in {@code io.hfthot.client.grpc.proto} so that they never collide with the server's on one
 * class path. The Java package is not part of the wire contract (package {@code hfthot.v1}, services, messages
 * and field numbers are), so this test fails on any other difference.
 */
class ProtoContractTest {
    private static final String PUBLISHED_PACKAGE = "option java_package = \"io.hfthot.adapters.grpc.proto\";";
    private static final String SDK_PACKAGE = "option java_package = \"io.hfthot.client.grpc.proto\";";

    @Test
    void theSdksProtoIsThePublishedOneApartFromTheJavaPackage() throws IOException {
        // Surefire runs with the module directory as the working directory.
        String published = Files.readString(Path.of("../adapters-grpc/src/main/proto/hfthot.proto"));
        String copy = Files.readString(Path.of("src/main/proto/hfthot.proto"));
        assertTrue(published.contains(PUBLISHED_PACKAGE), "the published proto's java_package line changed: update " + SDK_PACKAGE);
        assertTrue(copy.contains(SDK_PACKAGE), "the copy must keep " + SDK_PACKAGE);
        assertEquals(published, copy.replace(SDK_PACKAGE, PUBLISHED_PACKAGE),
                "client-java/src/main/proto/hfthot.proto differs from adapters-grpc/src/main/proto/hfthot.proto; copy it again");
    }
}
