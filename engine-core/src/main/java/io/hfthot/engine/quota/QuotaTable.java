package io.hfthot.engine.quota;

import static io.hfthot.engine.quota.Allowance.concurrent;
import static io.hfthot.engine.quota.Allowance.denied;
import static io.hfthot.engine.quota.Allowance.perDay;
import static io.hfthot.engine.quota.Allowance.perHour;
import static io.hfthot.engine.quota.Allowance.perMinute;
import static io.hfthot.engine.quota.Allowance.unlimited;

import io.hfthot.engine.identity.Tier;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What each tier may do: one {@link Allowance} per (tier, feature) and one {@link HistoricalDepth} per
 * tier, held as data in a dense array so a lookup is two array indexations.
 *
 * <p>{@link #seed000()} is seed 000's "Quotas &amp; Billing" table, row for row. Other tables (a
 * deployment's own prices) are built with {@link #builder()}; the builder refuses a table with a
 * missing cell. Immutable and thread-safe.
 */
public final class QuotaTable {
    private static final Tier[] TIERS = Tier.values();
    private static final Feature[] FEATURES = Feature.values();
    private static final QuotaTable SEED_000 = builder()
            //                                     Free Beta        Hobbyist        Professional     Enterprise
            .row(Feature.REST_REQUEST,             perMinute(60),   perMinute(300), perMinute(2000), unlimited())
            .row(Feature.WEBSOCKET_STREAM,         concurrent(1),   concurrent(3),  concurrent(10),  unlimited())
            .row(Feature.GRPC_ACCESS,              denied(),        denied(),       unlimited(),     unlimited())
            .row(Feature.LAKEHOUSE_SQL,            denied(),        perHour(10),    perHour(100),    unlimited())
            .row(Feature.PORTFOLIO_OPTIMIZATION,   perDay(5),       perDay(50),     unlimited(),     unlimited())
            .row(Feature.MFG_SIGNALS,              denied(),        denied(),       unlimited(),     unlimited())
            .row(Feature.PARQUET_EXPORT,           denied(),        unlimited(),    unlimited(),     unlimited())
            .row(Feature.BACKTEST,                 denied(),        unlimited(),    unlimited(),     unlimited())
            // "10+ years" for Enterprise: everything stored, so no bound.
            .historicalDepth(HistoricalDepth.days(30), HistoricalDepth.years(1), HistoricalDepth.years(5),
                    HistoricalDepth.unbounded())
            .build();

    private final Allowance[][] cells;
    private final HistoricalDepth[] depths;

    private QuotaTable(Allowance[][] cells, HistoricalDepth[] depths) {
        this.cells = cells;
        this.depths = depths;
    }

    /**
     * Returns seed 000's table.
     *
     * @return the table
     */
    public static QuotaTable seed000() {
        return SEED_000;
    }

    /**
     * Starts an empty table.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns one cell.
     *
     * @param tier    the tier
     * @param feature the feature
     * @return the allowance
     */
    public Allowance allowance(Tier tier, Feature feature) {
        return cells[tier.ordinal()][feature.ordinal()];
    }

    /**
     * Returns the lowest tier that includes a feature, for the "requires X" message.
     *
     * @param feature the feature
     * @return the lowest tier whose allowance is not denied, or empty when no tier has it
     */
    public Optional<Tier> lowestTierWith(Feature feature) {
        for (Tier tier : TIERS) {
            if (allowance(tier, feature).included()) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a tier's historical depth.
     *
     * @param tier the tier
     * @return the depth
     */
    public HistoricalDepth historicalDepth(Tier tier) {
        return depths[tier.ordinal()];
    }

    /**
     * Returns the earliest instant a tier may read at {@code now}.
     *
     * @param tier the tier
     * @param now  the current time
     * @return the earliest readable instant ({@link Instant#MIN} when unbounded)
     */
    public Instant earliestAllowed(Tier tier, Instant now) {
        return depths[tier.ordinal()].earliestAllowed(now);
    }

    /**
     * Returns the lowest tier allowed to read from {@code start} at {@code now}.
     *
     * @param start the requested start of a history query
     * @param now   the current time
     * @return the lowest such tier, or empty when none reaches that far
     */
    public Optional<Tier> lowestTierReaching(Instant start, Instant now) {
        for (Tier tier : TIERS) {
            if (!start.isBefore(earliestAllowed(tier, now))) {
                return Optional.of(tier);
            }
        }
        return Optional.empty();
    }

    /** Collects rows; every feature and every tier's depth must be given before {@link #build()}. */
    public static final class Builder {
        private final Allowance[][] cells = new Allowance[TIERS.length][FEATURES.length];
        private final HistoricalDepth[] depths = new HistoricalDepth[TIERS.length];

        private Builder() {
        }

        /**
         * Sets one feature's row, one allowance per tier in tier order.
         *
         * @param feature   the feature
         * @param perTier   one allowance per {@link Tier}, lowest first
         * @return this builder
         */
        public Builder row(Feature feature, Allowance... perTier) {
            if (perTier.length != TIERS.length) {
                throw new IllegalArgumentException("row " + feature + " needs " + TIERS.length
                        + " allowances (one per tier), got " + perTier.length);
            }
            for (Tier tier : TIERS) {
                Allowance cell = perTier[tier.ordinal()];
                if (cell == null) {
                    throw new IllegalArgumentException("row " + feature + " has no allowance for " + tier);
                }
                if (feature == Feature.WEBSOCKET_STREAM
                        ? cell.kind() == Allowance.Kind.WINDOW : cell.kind() == Allowance.Kind.CONCURRENT) {
                    throw new IllegalArgumentException("row " + feature + " cannot use a " + cell.kind()
                            + " allowance (" + tier + ")");
                }
                cells[tier.ordinal()][feature.ordinal()] = cell;
            }
            return this;
        }

        /**
         * Sets each tier's historical depth in tier order.
         *
         * @param perTier one depth per {@link Tier}, lowest first
         * @return this builder
         */
        public Builder historicalDepth(HistoricalDepth... perTier) {
            if (perTier.length != TIERS.length || Arrays.asList(perTier).contains(null)) {
                throw new IllegalArgumentException("historicalDepth needs " + TIERS.length
                        + " non-null depths (one per tier), got " + Arrays.toString(perTier));
            }
            System.arraycopy(perTier, 0, depths, 0, perTier.length);
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the immutable table
         * @throws IllegalStateException naming the first missing cell
         */
        public QuotaTable build() {
            for (Tier tier : TIERS) {
                for (Feature feature : FEATURES) {
                    if (cells[tier.ordinal()][feature.ordinal()] == null) {
                        throw new IllegalStateException("quota table has no allowance for " + feature + " / " + tier);
                    }
                }
                if (depths[tier.ordinal()] == null) {
                    throw new IllegalStateException("quota table has no historical depth for " + tier);
                }
            }
            Allowance[][] copy = new Allowance[TIERS.length][];
            for (int i = 0; i < TIERS.length; i++) {
                copy[i] = cells[i].clone();
            }
            return new QuotaTable(copy, depths.clone());
        }
    }
}
