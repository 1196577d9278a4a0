package io.hfthot.server.web;

import io.hfthot.adapters.http.ClasspathFiles;
import io.hfthot.adapters.http.HttpSurface;
import java.util.Map;

/**
 * The HFThot dashboard at {@code /dashboard/}: usage against the tier's limits, each symbol's regime with its state
 * probabilities, and a live price chart from the {@code /v1/stream} WebSocket. Plain HTML, CSS and JavaScript under
 * {@code io/hfthot/server/web/dashboard/}; the page calls the public API with the key the user types (or gives in
 * the URL fragment), which it keeps in memory only. The files are public: they hold no data.
 */
public final class Dashboard {
    /** Where the dashboard is served. */
    public static final String PATH = "/dashboard";

    private Dashboard() {
    }

    /**
     * Adds the dashboard's routes to a surface.
     *
     * @param builder the HFThot surface definition
     * @return the builder
     */
    public static HttpSurface.Builder mount(HttpSurface.Builder builder) {
        // Revalidated at each load (ETag): a server upgrade shows the new page at once.
        return new ClasspathFiles(Dashboard.class.getClassLoader(), "io/hfthot/server/web/dashboard", PATH,
                "index.html", "no-cache", Map.of()).mount(builder);
    }
}
