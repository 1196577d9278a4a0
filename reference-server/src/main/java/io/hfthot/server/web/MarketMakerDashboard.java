package io.hfthot.server.web;

import io.hfthot.adapters.http.ClasspathFiles;
import io.hfthot.adapters.http.HttpSurface;
import java.util.Map;

/**
 * The market-maker dashboard at {@code /dashboard/} on the market-maker port (seed 003's critical elements): a latency
 * warning when a message's {@code latency_ms} or its age exceeds 500 ms, the kill switch behind a confirmation step,
 * the inventory coloured long/short/flat, a trade blotter without {@code HEARTBEAT} messages and the parameter form.
 * Plain HTML, CSS and JavaScript under {@code io/hfthot/server/web/mmdashboard/}; the page sends the
 * {@code X-API-KEY} the user types (or gives in the URL fragment), which it keeps in memory only. The files are
 * public: they hold no data, and the stream they read is public too (seed 003).
 */
public final class MarketMakerDashboard {
    /** Where the dashboard is served on the market-maker surface. */
    public static final String PATH = "/dashboard";

    private MarketMakerDashboard() {
    }

    /**
     * Adds the dashboard's routes to a surface.
     *
     * @param builder the market-maker surface definition
     * @return the builder
     */
    public static HttpSurface.Builder mount(HttpSurface.Builder builder) {
        // Revalidated at each load (ETag): a server upgrade shows the new page at once.
        return new ClasspathFiles(MarketMakerDashboard.class.getClassLoader(), "io/hfthot/server/web/mmdashboard", PATH,
                "index.html", "no-cache", Map.of()).mount(builder);
    }
}
