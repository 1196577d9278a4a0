package io.hfthot.benchmarks.grpc;

import io.hfthot.adapters.grpc.GrpcServerConfig;
import io.hfthot.adapters.grpc.LabGrpcServer;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Our side of the gRPC benchmarks: a real {@link LabService} (simulated market, lakehouse in a temporary
 * directory, small history, no background jobs) served by {@link LabGrpcServer} on 127.0.0.1, plaintext,
 * with an Enterprise key so that the request window never refuses a measured call.
 */
final class LabGrpcTarget implements AutoCloseable {
    final LabService engine;
    final LabGrpcServer server;
    final String apiKey;
    private final Path dir;

    LabGrpcTarget() throws IOException {
        dir = Files.createTempDirectory("hfthot-grpc-bench");
        Clock clock = Clock.systemUTC();
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null);
        server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0), engine, clock);
        apiKey = engine.access().keys().issue("bench", Tier.ENTERPRISE).rawKey();
    }

    @Override
    public void close() throws IOException {
        server.close();
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
