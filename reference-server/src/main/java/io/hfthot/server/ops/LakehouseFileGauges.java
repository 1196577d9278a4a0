package io.hfthot.server.ops;

import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Snapshot;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data files and the latest version of every lakehouse table: {@code hfthot_lakehouse_files{table}} and
 * {@code hfthot_lakehouse_table_version{table}}. Small files pile up between compactions, so the file count is what
 * tells an operator that {@code optimize} is due.
 *
 * <p>Why refreshed on scrape and not computed in a gauge callback: a count needs a snapshot of each table (a log
 * replay from its last checkpoint); {@link #refresh} does that at most once per interval, for all tables at once,
 * so a scraper that polls often does not turn into load.
 */
public final class LakehouseFileGauges {
    private static final Logger LOG = LoggerFactory.getLogger(LakehouseFileGauges.class);

    private final Lakehouse lakehouse;
    private final MultiGauge files;
    private final MultiGauge versions;
    private final long intervalNanos;
    private long lastRefresh;
    private boolean refreshed;

    /**
     * Registers the gauges (empty until the first {@link #refresh}).
     *
     * @param lakehouse the lakehouse
     * @param registry  where the gauges go
     * @param interval  the shortest time between two recounts
     */
    public LakehouseFileGauges(Lakehouse lakehouse, MeterRegistry registry, Duration interval) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        this.intervalNanos = interval.toNanos();
        this.files = MultiGauge.builder("hfthot.lakehouse.files")
                .description("Data files in the latest version of a lakehouse table").register(registry);
        this.versions = MultiGauge.builder("hfthot.lakehouse.table.version")
                .description("Latest committed version of a lakehouse table").register(registry);
    }

    /** Recounts every table's files when the last count is older than the interval. */
    public synchronized void refresh() {
        long now = System.nanoTime();
        if (refreshed && now - lastRefresh < intervalNanos) {
            return;
        }
        refreshed = true;
        lastRefresh = now;
        List<MultiGauge.Row<?>> fileRows = new ArrayList<>();
        List<MultiGauge.Row<?>> versionRows = new ArrayList<>();
        for (String table : lakehouse.listTables()) {
            try {
                Snapshot s = lakehouse.read(table);
                fileRows.add(MultiGauge.Row.of(Tags.of("table", table), s.dataFiles().size()));
                versionRows.add(MultiGauge.Row.of(Tags.of("table", table), s.version()));
            } catch (LakehouseException e) {
                // A table being created or erased right now: it is counted at the next refresh.
                LOG.debug("counting the files of table {} failed", table, e);
            }
        }
        files.register(fileRows, true);
        versions.register(versionRows, true);
    }
}
