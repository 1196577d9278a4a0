package io.hfthot.client;

import io.hfthot.client.internal.Json;
import io.hfthot.client.internal.RetryingHttp;
import io.hfthot.client.model.BacktestRequest;
import io.hfthot.client.model.BacktestResponse;
import io.hfthot.client.model.BinaryResult;
import io.hfthot.client.model.GeneratedKey;
import io.hfthot.client.model.MarketSymbols;
import io.hfthot.client.model.MfgPrice;
import io.hfthot.client.model.OhlcvQuery;
import io.hfthot.client.model.OhlcvResponse;
import io.hfthot.client.model.OptimizeRequest;
import io.hfthot.client.model.OptimizeResponse;
import io.hfthot.client.model.OrderBook;
import io.hfthot.client.model.Regime;
import io.hfthot.client.model.RevokedKey;
import io.hfthot.client.model.SqlResult;
import io.hfthot.client.model.TableRead;
import io.hfthot.client.model.TableVersions;
import io.hfthot.client.model.Ticker;
import io.hfthot.client.model.Usage;
import io.hfthot.client.stream.LabStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The REST and WebSocket client of seed 000's API, over the JDK {@link HttpClient}. Every call sends the
 * {@code X-HFThot-API-Key} header, retries under the configured {@link RetryPolicy}, and either returns the
 * typed answer or throws {@link HfthotApiException} (the server's error code, message and HTTP status) or
 * {@link HfthotException} (no answer). Thread safe; one instance can serve a whole application.
 *
 * <pre>{@code
 * HfthotClient client = HfthotClient.builder(URI.create("http://localhost:8080"), apiKey).build();
 * Regime r = client.regime("BTC-USDT", null);
 * }</pre>
 */
public final class HfthotClient {
    /** The API key header of seed 000. */
    public static final String API_KEY_HEADER = "X-HFThot-API-Key";
    /** A key id as the server issues it: the first 8 bytes of the key's SHA-256 in lowercase hex. */
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    private final URI baseUri;
    private final String apiKey;
    private final HttpClient http;
    private final RetryingHttp sender;
    private final Duration requestTimeout;

    HfthotClient(HfthotClientBuilder b) {
        this.baseUri = b.baseUri;
        this.apiKey = b.apiKey;
        this.http = b.http;
        this.requestTimeout = b.requestTimeout;
        this.sender = new RetryingHttp(b.http, b.retryPolicy, b.clock, b.sleeper, b.random);
    }

    /**
     * Starts a builder.
     *
     * @param baseUri the server's base, e.g. {@code http://localhost:8080} (paths start with {@code /v1/})
     * @param apiKey  the API key, e.g. {@code hft_pro_...}
     * @return the builder
     */
    public static HfthotClientBuilder builder(URI baseUri, String apiKey) {
        return new HfthotClientBuilder(baseUri, apiKey);
    }

    /**
     * {@code GET /v1/market/ohlcv}: closed bars.
     *
     * @param query the parameters
     * @return the bars
     */
    public OhlcvResponse ohlcv(OhlcvQuery query) {
        Objects.requireNonNull(query, "query");
        return getJson(new Query("/v1/market/ohlcv").add("symbol", query.symbol()).add("interval", query.interval())
                .add("start_time", query.startTime()).add("end_time", query.endTime()).add("limit", query.limit()),
                OhlcvResponse.class);
    }

    /**
     * {@code GET /v1/market/orderbook}.
     *
     * @param symbol the symbol
     * @param depth  levels per side (1 to 100), or null for 20
     * @return the book
     */
    public OrderBook orderBook(String symbol, Integer depth) {
        return getJson(new Query("/v1/market/orderbook").add("symbol", symbol).add("depth", depth), OrderBook.class);
    }

    /**
     * {@code GET /v1/market/ticker}.
     *
     * @param symbol the symbol
     * @return best bid, ask and last price
     */
    public Ticker ticker(String symbol) {
        return getJson(new Query("/v1/market/ticker").add("symbol", symbol), Ticker.class);
    }

    /**
     * {@code GET /v1/market/symbols}: the simulated symbols, then the imported ones, with their stored series.
     *
     * @return the symbols
     */
    public MarketSymbols marketSymbols() {
        return getJson(new Query("/v1/market/symbols"), MarketSymbols.class);
    }

    /**
     * {@code GET /v1/signals/regime}: the HMM's current regime.
     *
     * @param symbol   the symbol
     * @param lookback bars used for inference, or null for 200
     * @return the regime
     */
    public Regime regime(String symbol, Integer lookback) {
        return getJson(new Query("/v1/signals/regime").add("symbol", symbol).add("lookback", lookback), Regime.class);
    }

    /**
     * {@code GET /v1/signals/mfg}: the mean-field equilibrium price (Professional and up).
     *
     * @param symbol     the symbol
     * @param horizonMin the horizon in minutes, or null for 5
     * @param nAgents    agents simulated, or null for 1000
     * @return the price trajectory
     */
    public MfgPrice mfgPrice(String symbol, Integer horizonMin, Integer nAgents) {
        return getJson(new Query("/v1/signals/mfg").add("symbol", symbol).add("horizon_min", horizonMin)
                .add("n_agents", nAgents), MfgPrice.class);
    }

    /**
     * {@code POST /v1/portfolio/optimize}. Retried after a 5xx (it only computes).
     *
     * @param request the body
     * @return the weights
     */
    public OptimizeResponse optimize(OptimizeRequest request) {
        return postJson("/v1/portfolio/optimize", Json.write(Objects.requireNonNull(request, "request")), true,
                OptimizeResponse.class);
    }

    /**
     * {@code POST /v1/portfolio/backtest} (Hobbyist and up). Retried after a 5xx (it only computes).
     *
     * @param request the body
     * @return the equity curve and metrics
     */
    public BacktestResponse backtest(BacktestRequest request) {
        return postJson("/v1/portfolio/backtest", Json.write(Objects.requireNonNull(request, "request")), true,
                BacktestResponse.class);
    }

    /**
     * {@code GET /v1/lakehouse/query?format=json}: one read-only SELECT.
     *
     * @param sql the statement
     * @return the rows
     */
    public SqlResult query(String sql) {
        return getJson(new Query("/v1/lakehouse/query").add("sql", sql).add("format", "json"), SqlResult.class);
    }

    /**
     * {@code GET /v1/lakehouse/query?format=arrow}: the result as an Arrow IPC stream.
     *
     * @param sql the statement
     * @return the Arrow bytes, row count and truncation flag
     */
    public BinaryResult queryArrow(String sql) {
        HttpResponse<byte[]> r = get(new Query("/v1/lakehouse/query").add("sql", sql).add("format", "arrow"));
        return binary(r, -1);
    }

    /**
     * {@code GET /v1/lakehouse/export}: a table version as one Parquet file.
     *
     * @param table   the table, e.g. {@code market.ohlcv}
     * @param version the version, or null for the latest
     * @return the Parquet bytes with the version and row count
     */
    public BinaryResult export(String table, Long version) {
        HttpResponse<byte[]> r = get(new Query("/v1/lakehouse/export").add("table", table).add("version", version));
        long v = r.headers().firstValue("X-HFThot-Table-Version").map(Long::parseLong).orElse(-1L);
        return binary(r, v);
    }

    /**
     * {@code GET /v1/lakehouse/versions}: a table's commits.
     *
     * @param table the table
     * @return the versions
     */
    public TableVersions versions(String table) {
        return getJson(new Query("/v1/lakehouse/versions").add("table", table), TableVersions.class);
    }

    /**
     * {@code GET /v1/lakehouse/read?version=}: rows of one version (time travel by version).
     *
     * @param table   the table
     * @param version the version
     * @param limit   at most this many rows (1 to 10000), or null for 100
     * @return the rows
     */
    public TableRead readVersion(String table, long version, Integer limit) {
        return getJson(new Query("/v1/lakehouse/read").add("table", table).add("version", version).add("limit", limit),
                TableRead.class);
    }

    /**
     * {@code GET /v1/lakehouse/read?timestamp=}: rows of the version current at an instant.
     *
     * @param table the table
     * @param at    the instant (sent as Unix ms)
     * @param limit at most this many rows (1 to 10000), or null for 100
     * @return the rows
     */
    public TableRead readAt(String table, Instant at, Integer limit) {
        return getJson(new Query("/v1/lakehouse/read").add("table", table)
                .add("timestamp", Objects.requireNonNull(at, "at").toEpochMilli()).add("limit", limit), TableRead.class);
    }

    /**
     * {@code GET /v1/account/usage}.
     *
     * @return the key's usage and limits
     */
    public Usage usage() {
        return getJson(new Query("/v1/account/usage"), Usage.class);
    }

    /**
     * {@code POST /v1/keys}: a new key for the caller's owner. Not retried after a 5xx (the key may exist).
     *
     * @param tier the tier ({@code free_beta}, {@code hobbyist}, {@code professional}, {@code enterprise}), at
     *             most the caller's, or null for the caller's own
     * @return the key, shown only here
     */
    public GeneratedKey createKey(String tier) {
        String body = tier == null ? "" : Json.write(Map.of("tier", tier));
        return postJson("/v1/keys", body, false, GeneratedKey.class);
    }

    /**
     * {@code DELETE /v1/keys/{key_id}}: revokes a key of the caller's account (the caller's own key included); it
     * is refused with 401 from its next request on. Retried after a 5xx or a lost connection like a GET: a
     * revocation is idempotent (revoking again answers the first revocation's time), so a repeat cannot do
     * anything the first send did not.
     *
     * @param keyId the {@code key_id} returned when the key was created (16 lowercase hex digits)
     * @return the revoked key's id, tier and revocation time
     * @throws IllegalArgumentException when {@code keyId} is not 16 lowercase hex digits (nothing is sent)
     * @throws HfthotApiException       404 {@code NOT_FOUND} for an unknown key or one of another account
     */
    public RevokedKey revokeKey(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("keyId = " + (keyId == null ? "null" : "'" + keyId + "'")
                    + " is not accepted; expected the key_id shown when the key was created: 16 lowercase hex digits");
        }
        HttpRequest request = request(new Query("/v1/keys/" + keyId)).DELETE().build();
        return Json.read(new String(sender.send(request, true).body(), StandardCharsets.UTF_8), RevokedKey.class);
    }

    /**
     * {@code GET /v1/openapi.json}: the server's OpenAPI 3 document.
     *
     * @return the document's JSON text
     */
    public String openApi() {
        return new String(get(new Query("/v1/openapi.json")).body(), StandardCharsets.UTF_8);
    }

    /**
     * Opens the {@code /v1/stream} WebSocket; subscribe on the returned stream.
     *
     * @param bufferSize messages buffered before the client stops reading (the server then queues them)
     * @return the open stream; close it
     */
    public LabStream openStream(int bufferSize) {
        return LabStream.open(http, streamUri(), bufferSize, requestTimeout);
    }

    /**
     * Returns the WebSocket URI, {@code ws(s)://host/v1/stream?api_key=...}.
     *
     * @return the URI
     */
    URI streamUri() {
        String scheme = "https".equalsIgnoreCase(baseUri.getScheme()) ? "wss" : "ws";
        String base = baseUri.toString().replaceFirst("^[A-Za-z]+", scheme);
        return URI.create(base + "/v1/stream" + new Query("").add("api_key", apiKey).encoded());
    }

    private <T> T getJson(Query query, Class<T> type) {
        return Json.read(new String(get(query).body(), StandardCharsets.UTF_8), type);
    }

    private HttpResponse<byte[]> get(Query query) {
        HttpRequest request = request(query).GET().build();
        return sender.send(request, true);
    }

    private <T> T postJson(String path, String body, boolean repeatable, Class<T> type) {
        HttpRequest request = request(new Query(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return Json.read(new String(sender.send(request, repeatable).body(), StandardCharsets.UTF_8), type);
    }

    private HttpRequest.Builder request(Query query) {
        return HttpRequest.newBuilder(URI.create(baseUri + query.path() + query.encoded()))
                .header(API_KEY_HEADER, apiKey).header("Accept", "application/json, */*").timeout(requestTimeout);
    }

    private static BinaryResult binary(HttpResponse<byte[]> r, long version) {
        long rows = r.headers().firstValue("X-HFThot-Row-Count").map(Long::parseLong).orElse(-1L);
        boolean truncated = r.headers().firstValue("X-HFThot-Truncated").map(Boolean::parseBoolean).orElse(false);
        String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
        return new BinaryResult(type, r.body(), rows, version, truncated);
    }
}
