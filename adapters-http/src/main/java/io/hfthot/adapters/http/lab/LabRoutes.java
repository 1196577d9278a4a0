package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.core.SerializableString;
import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ConditionalGet;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.QueryParams;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.sql.SqlResponse;
import io.hfthot.engine.quota.Feature;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The seed-000 REST route table over a {@link LabService}. Each handler decodes and validates its
 * parameters, makes one engine call and encodes the record the engine returns (the records' names give
 * seed 000's JSON through the codec's snake_case naming). Authentication, tier gates and quotas are not
 * here: {@link LabAccessFilter} applies them from each route's {@link LabRoute#feature()}.
 *
 * <p>Paths seed 000 spells: {@code /v1/market/ohlcv}, {@code /v1/signals/regime},
 * {@code /v1/portfolio/optimize}, {@code /v1/lakehouse/query}, {@code /v1/account/usage}. Paths chosen
 * here for what it describes without a path: {@code /v1/market/orderbook}, {@code /v1/market/ticker},
 * {@code /v1/signals/mfg}, {@code /v1/portfolio/backtest}, {@code /v1/lakehouse/export},
 * {@code /v1/lakehouse/versions}, {@code /v1/lakehouse/read}, {@code /v1/keys} and
 * {@code /v1/openapi.json}.
 */
public final class LabRoutes {
    /** The media type of an Arrow IPC stream (seed 000's {@code format=arrow}). */
    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    /** Bytes of encoded OHLCV bar runs kept for reuse (16 MiB: a few hundred typical runs). */
    private static final long ENCODED_BARS_BUDGET = 16L << 20;

    /** Cache-Control of bars whose range ended an interval ago or more: an hour before revalidating. */
    static final String SETTLED_BARS = "private, max-age=3600";

    private final LabService engine;
    private final OpenApiDocument openApi;
    private final EncodedBars encodedBars = new EncodedBars(JsonCodec.standard().mapper(), ENCODED_BARS_BUDGET);

    /**
     * Creates the route table.
     *
     * @param engine  the engine every route calls
     * @param openApi the OpenAPI document served at {@code /v1/openapi.json}
     */
    public LabRoutes(LabService engine, byte[] openApi) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.openApi = new OpenApiDocument(openApi);
    }

    /**
     * Returns every route, in documentation order.
     *
     * @return the routes
     */
    public List<LabRoute> routes() {
        List<LabRoute> r = new ArrayList<>();
        r.add(get("/v1/market/ohlcv", null, this::ohlcv));
        r.add(get("/v1/market/orderbook", null, q -> Response.ok(engine.orderBook(
                LabParams.string(q.query(), "symbol"), LabParams.integer(q.query(), "depth")))));
        r.add(get("/v1/market/ticker", null, q -> Response.ok(engine.ticker(LabParams.string(q.query(), "symbol")))));
        r.add(get("/v1/market/symbols", null, q -> Response.ok(engine.marketSymbols())));
        r.add(get("/v1/signals/regime", null, q -> Response.ok(engine.regime(
                LabParams.string(q.query(), "symbol"), LabParams.integer(q.query(), "lookback")))));
        r.add(get("/v1/signals/mfg", Feature.MFG_SIGNALS, this::mfg));
        r.add(post("/v1/portfolio/optimize", Feature.PORTFOLIO_OPTIMIZATION, this::optimize));
        r.add(post("/v1/portfolio/backtest", Feature.BACKTEST, this::backtest));
        r.add(get("/v1/lakehouse/query", Feature.LAKEHOUSE_SQL, this::sql));
        r.add(get("/v1/lakehouse/export", Feature.PARQUET_EXPORT, this::export));
        r.add(get("/v1/lakehouse/versions", Feature.LAKEHOUSE_SQL, q ->
                Response.ok(engine.versions(table(q.query())))));
        r.add(get("/v1/lakehouse/read", Feature.LAKEHOUSE_SQL, this::read));
        r.add(get("/v1/account/usage", null, q -> Response.ok(engine.usage(LabAccessFilter.principal(q)))));
        r.add(post("/v1/keys", null, this::generateKey));
        r.add(new LabRoute("DELETE", "/v1/keys/{key_id}", true, Optional.empty(),
                this::revokeKey));
        r.add(new LabRoute("GET", "/v1/openapi.json", false, Optional.empty(),
                q -> Response.bytes(200, "application/json", openApi.servedTo(q))));
        return List.copyOf(r);
    }

    private static LabRoute get(String path, Feature feature, RouteHandler handler) {
        return new LabRoute("GET", path, true, Optional.ofNullable(feature), handler);
    }

    private static LabRoute post(String path, Feature feature, RouteHandler handler) {
        return new LabRoute("POST", path, true, Optional.ofNullable(feature), handler);
    }

    // Compute-heavy routes: decoded here, computed on the engine's bounded pool under its deadline.
    private Response mfg(Request q) {
        String symbol = LabParams.string(q.query(), "symbol");
        Integer horizon = LabParams.integer(q.query(), "horizon_min");
        Integer agents = LabParams.integer(q.query(), "n_agents");
        return Response.ok(engine.compute().run("MFG price signal", () -> engine.mfgPrice(symbol, horizon, agents),
                q.clientGone()));
    }

    private Response optimize(Request q) {
        Principal caller = LabAccessFilter.principal(q);
        OptimizeRequest body = q.body(OptimizeRequest.class);
        return Response.ok(engine.compute().run("portfolio optimisation", () -> engine.optimize(caller, body),
                q.clientGone()));
    }

    private Response backtest(Request q) {
        Principal caller = LabAccessFilter.principal(q);
        BacktestRequest body = q.body(BacktestRequest.class);
        return Response.ok(engine.compute().run("backtest", () -> engine.backtest(caller, body), q.clientGone()));
    }

    private Response ohlcv(Request q) {
        QueryParams p = q.query();
        OhlcvRequest request = new OhlcvRequest(LabParams.string(p, "symbol"), LabParams.string(p, "interval"),
                LabParams.longValue(p, "start_time"), LabParams.longValue(p, "end_time"), LabParams.integer(p, "limit"));
        OhlcvResponse r = engine.ohlcv(LabAccessFilter.principal(q), request);
        SerializableString bars = encodedBars.of(r.symbol(), r.interval(), r.bars());
        // Bars are closed, so a range ending one interval before now no longer changes (short of an import,
        // which the content-based tag catches on revalidation); a range up to now gains bars as they close.
        boolean settled = request.endTime() != null
                && request.endTime() <= engine.engine().clock().millis() - Interval.parse(r.interval()).millis();
        return ConditionalGet.apply(q, Response.ok(new OhlcvBody(r.symbol(), r.interval(), bars, r.source(), r.latencyMs())),
                ConditionalGet.weakTag(r.symbol() + "-" + r.interval(), bars.asUnquotedUTF8()),
                settled ? SETTLED_BARS : ConditionalGet.REVALIDATE);
    }

    private Response sql(Request q) {
        Principal caller = LabAccessFilter.principal(q);
        String statement = LabParams.string(q.query(), "sql");
        String format = LabParams.string(q.query(), "format");
        SqlResponse result = q.whileClientConnected(() -> engine.sql(caller, statement, format));
        return Response.bytes(200, result.contentType(), result.body())
                .withHeader("X-HFThot-Row-Count", Long.toString(result.rowCount()))
                .withHeader("X-HFThot-Truncated", Boolean.toString(result.truncated()));
    }

    private Response export(Request q) {
        String table = table(q.query());
        Long version = LabParams.longValue(q.query(), "version");
        ParquetExport export = engine.exportParquet(LabAccessFilter.principal(q), table, version);
        String fileName = table.replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + export.version() + ".parquet";
        // The file is the engine's temporary copy: stream it, then let the export delete it.
        return Response.streaming(200, ParquetExport.CONTENT_TYPE, out -> {
            try (export) {
                Files.copy(export.file(), out);
            }
        }).withHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .withHeader("X-HFThot-Table-Version", Long.toString(export.version()))
                .withHeader("X-HFThot-Row-Count", Long.toString(export.rows()));
    }

    private Response read(Request q) {
        QueryParams p = q.query();
        String table = table(p);
        Long version = LabParams.longValue(p, "version");
        Optional<Long> timestamp = LabParams.instantMillis(p, "timestamp");
        Integer limit = LabParams.integer(p, "limit");
        if (version != null && timestamp.isPresent()) {
            throw ApiException.invalid("query parameters 'version' and 'timestamp' exclude each other; give one");
        }
        if (version == null && timestamp.isEmpty()) {
            throw ApiException.invalid("query parameter 'version' (a table version >= 0) or 'timestamp' (Unix ms or"
                    + " ISO-8601) is required");
        }
        Principal caller = LabAccessFilter.principal(q);
        if (version == null) {
            return Response.ok(engine.readAtTimestamp(caller, table, timestamp.get(), limit));
        }
        // A committed table version never changes (an erasure or vacuum makes it unreadable, never different).
        return ConditionalGet.apply(q, Response.ok(engine.readVersion(caller, table, version, limit)),
                ConditionalGet.strongTag(table, version, limit), ConditionalGet.IMMUTABLE);
    }

    private String table(QueryParams p) {
        String table = LabParams.string(p, "table");
        if (table == null || table.isBlank()) {
            throw ApiException.invalid("query parameter 'table' is required; one of " + engine.tables());
        }
        return table;
    }

    /**
     * The body of {@code POST /v1/keys}.
     *
     * @param tier the tier of the new key (free_beta, hobbyist, professional, enterprise or free, hob, pro,
     *             ent); null for the caller's own tier
     */
    public record KeyRequest(String tier) {
    }

    private Response generateKey(Request q) {
        Principal caller = LabAccessFilter.principal(q);
        byte[] raw = q.bodyBytes();
        KeyRequest body = raw.length == 0 ? new KeyRequest(null) : q.body(KeyRequest.class);
        GeneratedKey key = engine.createKey(caller, body.tier());
        return Response.json(201, key);
    }

    /**
     * The answer of {@code DELETE /v1/keys/{key_id}}.
     *
     * @param keyId     the revoked key's id
     * @param tier      its tier
     * @param revokedAt when it was revoked (ISO-8601; the first revocation's time when revoked twice)
     */
    public record RevokedKey(String keyId, String tier, String revokedAt) {
    }

    private Response revokeKey(Request q) {
        Principal caller = LabAccessFilter.principal(q);
        String keyId = q.pathParam("key_id");
        if (!keyId.matches("[0-9a-f]{16}")) {
            throw ApiException.invalid("path parameter 'key_id' must be 16 lowercase hex digits (the key_id shown"
                    + " when the key was created), got '" + (keyId.length() > 40 ? keyId.substring(0, 40) + "…" : keyId)
                    + "'");
        }
        return engine.revokeKey(caller, keyId)
                .map(row -> Response.ok(new RevokedKey(row.keyId(), row.tier().id(),
                        row.revoked().map(Object::toString).orElse(null))))
                .orElseThrow(() -> new ApiException(ErrorKind.NOT_FOUND, "no API key with key_id '" + keyId
                        + "' in this key's account"));
    }
}
