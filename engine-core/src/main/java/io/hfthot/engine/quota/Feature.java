package io.hfthot.engine.quota;

/**
 * The metered or gated capabilities of seed 000's "Quotas &amp; Billing" table.
 *
 * <p>Historical data depth is not a feature to admit or refuse but a bound on a query's start; see
 * {@link QuotaTable#earliestAllowed}.
 */
public enum Feature {
    /** REST requests, limited per minute. */
    REST_REQUEST("rest_requests", "REST requests"),
    /** Concurrent WebSocket streams. */
    WEBSOCKET_STREAM("websocket_streams", "WebSocket streams"),
    /** Access to the gRPC surface. */
    GRPC_ACCESS("grpc_access", "gRPC access"),
    /** Lakehouse SQL queries, limited per hour. */
    LAKEHOUSE_SQL("lakehouse_sql", "Lakehouse SQL queries"),
    /** Portfolio optimisations, limited per day. */
    PORTFOLIO_OPTIMIZATION("portfolio_optimization", "Portfolio optimization"),
    /** Mean-field-game price signals. */
    MFG_SIGNALS("mfg_signals", "MFG price signals"),
    /** Data export as Parquet. */
    PARQUET_EXPORT("parquet_export", "Data export (Parquet)"),
    /** Backtests. */
    BACKTEST("backtest", "Backtest");

    private final String id;
    private final String displayName;

    Feature(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /**
     * Returns the stable identifier used in bucket names and documents.
     *
     * @return e.g. {@code lakehouse_sql}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name seed 000 uses in its quota table.
     *
     * @return e.g. {@code Lakehouse SQL queries}
     */
    public String displayName() {
        return displayName;
    }
}
