package io.hfthot.benchmarks.lab.http;

import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.lab.LabHttpOptions;
import io.hfthot.adapters.http.lab.LabHttpSurface;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.OhlcvRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The server {@code benchmarks/load/lab-rest.sh} loads: the seed-000 surface over a lab engine (small
 * simulated history, in-memory keys) on 127.0.0.1, plus the baseline route {@code /bench/static} on the
 * same surface, a 20-field JSON object encoded by the same Jackson codec (the issue's peer figure: ~55k
 * req/s with wrk -t2 -c32 on this machine). It prints an Enterprise key (unlimited REST window) so the
 * quota never refuses during the run.
 */
public final class LabLoadServer {
    private LabLoadServer() {
    }

    /**
     * Starts the server and blocks until killed.
     *
     * @param args the port (default 18081)
     * @throws Exception when the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        Path dir = Files.createTempDirectory("hfthot-lab-load");
        LabService engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), Clock.systemUTC(), null);
        Map<String, Object> staticBody = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            staticBody.put("field_" + i, i % 2 == 0 ? (Object) (i * 1.5) : "value-" + i);
        }
        // Calibration: the bytes of a real 100-bar OHLCV answer, written as they are (no key, no engine),
        // to tell the cost of moving a 10 KB body from the cost of the route.
        byte[] ohlcvSized = JsonCodec.standard().encode(engine.ohlcv(
                engine.access().keys().issue("calibration", Tier.ENTERPRISE).record().principal(),
                new OhlcvRequest("BTC-USDT", "5m", null, null, 100)));
        HttpSurface.Builder builder = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .get("/bench/static", r -> Response.ok(staticBody))
                .get("/bench/static-ohlcv-size", r -> Response.bytes(200, "application/json", ohlcvSized));
        LabHttpSurface.mount(builder, engine, engine.access(), Clock.systemUTC(), LabHttpOptions.defaults());
        TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", port), builder.build());
        String key = engine.access().keys().issue("load", Tier.ENTERPRISE).rawKey();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            engine.close();
        }));
        System.out.println("lab load server ready on " + server.baseUri() + " key " + key);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
