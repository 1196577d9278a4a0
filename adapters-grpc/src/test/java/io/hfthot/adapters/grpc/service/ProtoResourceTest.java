package io.hfthot.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.hfthot.adapters.grpc.proto.HfthotProto;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped proto is the compiled one, and its package and services are seed 000's. */
class ProtoResourceTest {
    @Test
    void theClassPathCarriesTheProtoTheServicesWereGeneratedFrom() throws Exception {
        try (InputStream in = LabGrpcServices.class.getResourceAsStream(LabGrpcServices.PROTO_RESOURCE)) {
            assertNotNull(in, "hfthot.proto is on the class path");
            assertEquals(Files.readString(Path.of("src/main/proto/hfthot.proto")),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        var file = HfthotProto.getDescriptor();
        assertEquals("hfthot.proto", file.getName());
        assertEquals("hfthot.v1", file.getPackage());
        assertEquals(java.util.List.of("MarketService", "SignalService", "PortfolioService"),
                file.getServices().stream().map(s -> s.getName()).toList());
        // The seed's own messages keep their field numbers.
        var regime = file.findMessageTypeByName("RegimeResponse");
        assertEquals(1, regime.findFieldByName("regime").getNumber());
        assertEquals(2, regime.findFieldByName("confidence").getNumber());
        assertEquals(3, regime.findFieldByName("strategy").getNumber());
        assertEquals(4, regime.findFieldByName("latency_us").getNumber());
        var ticker = file.findMessageTypeByName("TickerResponse");
        assertEquals(5, ticker.findFieldByName("ts_ms").getNumber());
        assertEquals(2, file.findMessageTypeByName("RegimeRequest").findFieldByName("lookback").getNumber());
    }
}
