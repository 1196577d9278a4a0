package io.hfthot.client.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.grpc.proto.TickerRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gRPC client without a server: the channel comes from grpc-java's transport lookup (which, run on the module
 * path as these tests are, checks that the Netty transport is found from this module), and status mapping.
 */
class GrpcClientTest {
    @Test
    void aServerThatIsNotThereIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (HfthotGrpcClient client = HfthotGrpcClient.plaintext("127.0.0.1", closedPort, "hft_pro_x")) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.market()
                    .withDeadlineAfter(5, TimeUnit.SECONDS).getTicker(TickerRequest.newBuilder().setSymbol("BTC-USDT").build()));
            assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            HfthotApiException mapped = HfthotGrpcClient.error(e);
            assertEquals(503, mapped.status());
            assertEquals("GRPC_UNAVAILABLE", mapped.code());
        }
    }

    @Test
    void theSeedCodeTrailerWinsOverTheStatusName() {
        Metadata trailers = new Metadata();
        trailers.put(HfthotGrpcClient.ERROR_CODE, "RATE_LIMITED");
        HfthotApiException e = HfthotGrpcClient.error(
                Status.RESOURCE_EXHAUSTED.withDescription("2000 requests per minute").asRuntimeException(trailers));
        assertEquals(429, e.status());
        assertEquals("RATE_LIMITED", e.code());
        assertEquals("2000 requests per minute", e.serverMessage());
        assertThrows(IllegalArgumentException.class, () -> HfthotGrpcClient.plaintext("127.0.0.1", 1, " "));
    }
}
