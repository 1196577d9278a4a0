package io.hfthot.smoke;

import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotClient;
import io.hfthot.client.model.OhlcvQuery;
import io.hfthot.client.model.OhlcvResponse;
import io.hfthot.client.model.OptimizeRequest;
import io.hfthot.client.model.OptimizeResponse;
import io.hfthot.client.model.Regime;
import io.hfthot.client.stream.LabStream;
import io.hfthot.client.stream.StreamMessage;
import io.hfthot.client.stream.StreamName;
import java.net.URI;
import java.util.List;

/** The quickstart of docs/client-java.md: its {@code main} body copied verbatim; SdkQuickstartTest runs it. */
final class ClientQuickstart {
    private ClientQuickstart() {
    }

    /**
     * Runs the quickstart.
     *
     * @param args the server's base URI (e.g. {@code http://localhost:8080}) and an API key
     */
    static void main(String[] args) {
        // docs/client-java.md:start
        HfthotClient client = HfthotClient.builder(URI.create(args[0]), args[1]).build();

        OhlcvResponse ohlcv = client.ohlcv(OhlcvQuery.of("BTC-USDT", "5m").withLimit(100));
        System.out.println(ohlcv.bars().size() + " bars, last close " + ohlcv.bars().get(ohlcv.bars().size() - 1).close());

        Regime regime = client.regime("BTC-USDT", 200);
        System.out.printf("Regime: %s (%.0f%%) -> %s%n", regime.regime(), regime.confidence() * 100, regime.strategy());

        OptimizeResponse portfolio = client.optimize(
                OptimizeRequest.of("risk_parity", List.of("BTC-USDT", "ETH-USDT", "SOL-USDT")).withLookbackDays(30));
        System.out.println("Weights: " + portfolio.weights());

        try {
            client.mfgPrice("BTC-USDT", 5, 1000);
        } catch (HfthotApiException e) {
            // Every error is one exception type carrying the server's code, message and HTTP status.
            System.out.println(e.status() + " " + e.code() + ": " + e.serverMessage());
        }

        try (LabStream stream = client.openStream(256)) {
            stream.subscribe(StreamName.PRICE_FEED, "BTC-USDT");
            stream.stream()
                    .filter(m -> m instanceof StreamMessage.Tick)
                    .limit(3)
                    .forEach(tick -> System.out.println("Tick: " + tick));
        }
        // docs/client-java.md:end
    }
}
