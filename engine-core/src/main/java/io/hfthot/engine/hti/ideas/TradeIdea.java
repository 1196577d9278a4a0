package io.hfthot.engine.hti.ideas;

import io.hfthot.engine.hti.profile.IdeaFilters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One revision of a trade idea (seed 001's idea document). An idea keeps its {@code id} for life; each update
 * (new confidence, a level hit, expiry) is a new revision with a later {@code lastUpdate}.
 *
 * @param id             the idea's number, unique in the data directory ({@code ID}; {@code idea_id} is
 *                       {@code hti-<id>})
 * @param revision       0 for the first version, then 1, 2, ...
 * @param instrument     {@code INSTRUMENT}, e.g. {@code EUR-USD}
 * @param timeframe      {@code TIMEFRAME}
 * @param assetClass     {@code ASSET_CLASS} ({@link AssetClasses})
 * @param side           {@code SIDE}: {@code BUY} or {@code SELL}
 * @param orderType      {@code OPEN_ORDER_TYPE}: {@code MARKET}, {@code LIMIT} or {@code STOP}
 * @param prefix         {@code PREFIX}: the strategy family ({@code TREND}, {@code REVERSION}, {@code BREAKOUT})
 * @param regime         the HMM regime the idea was drawn from ({@code trending}, ...)
 * @param confidence     {@code CONFIDENCE}: the posterior probability of that regime, in [0, 1]
 * @param estimatedPl    {@code ESTIMATED_PL}: expected return in percent of the entry (see {@link IdeaGenerator})
 * @param price          {@code PRICE}: the entry price
 * @param takeProfit     {@code TAKE_PROFIT}
 * @param stopLoss       {@code STOP_LOSS}
 * @param creationTime   {@code CREATION_TIME}
 * @param lastUpdate     {@code LAST_UPDATE}
 * @param expirationTime {@code EXPIRATION_TIME}
 * @param status         where the idea stands
 * @param description    {@code DESCRIPTION}: why the idea exists, in words
 */
public record TradeIdea(long id, int revision, String instrument, Timeframe timeframe, String assetClass, String side,
                        String orderType, String prefix, String regime, double confidence, double estimatedPl,
                        double price, double takeProfit, double stopLoss, Instant creationTime, Instant lastUpdate,
                        Instant expirationTime, IdeaStatus status, String description) {
    /** Side of a long idea. */
    public static final String BUY = "BUY";
    /** Side of a short idea. */
    public static final String SELL = "SELL";

    /** Validates the fields and the order of the levels. */
    public TradeIdea {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        Objects.requireNonNull(expirationTime, "expirationTime");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        if (id < 1 || revision < 0) {
            throw new IllegalArgumentException("id must be >= 1 and revision >= 0, got " + id + ", " + revision);
        }
        if (!BUY.equals(side) && !SELL.equals(side)) {
            throw new IllegalArgumentException("side must be BUY or SELL, got " + side);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        boolean buy = BUY.equals(side);
        if (!(price > 0 && Double.isFinite(estimatedPl)) || (buy ? !(stopLoss < price && price < takeProfit)
                : !(takeProfit < price && price < stopLoss))) {
            throw new IllegalArgumentException("levels must be positive and ordered (stop-loss, price, take-profit)"
                    + " in the direction of " + side + ", got " + stopLoss + ", " + price + ", " + takeProfit);
        }
        if (lastUpdate.isBefore(creationTime) || !expirationTime.isAfter(creationTime)) {
            throw new IllegalArgumentException("times must satisfy creation <= last update and creation < expiration,"
                    + " got " + creationTime + ", " + lastUpdate + ", " + expirationTime);
        }
    }

    /**
     * Returns the idea's string id.
     *
     * @return {@code hti-<id>}
     */
    public String ideaId() {
        return "hti-" + id;
    }

    /**
     * Tells whether a profile's filters accept this idea.
     *
     * @param filters the filters
     * @return true when every non-empty filter contains the idea's value
     */
    public boolean matches(IdeaFilters filters) {
        return filters.matches(assetClass, timeframe.name(), instrument, prefix, side);
    }

    /**
     * Returns a later revision with other values.
     *
     * @param at          the update time
     * @param newStatus   the status
     * @param newConf     the confidence
     * @param newPl       the estimated P/L
     * @param newDescribe the description
     * @return revision + 1
     */
    public TradeIdea revise(Instant at, IdeaStatus newStatus, double newConf, double newPl, String newDescribe) {
        return new TradeIdea(id, revision + 1, instrument, timeframe, assetClass, side, orderType, prefix, regime,
                newConf, newPl, price, takeProfit, stopLoss, creationTime, at, expirationTime, newStatus, newDescribe);
    }

    /**
     * Returns the idea as seed 001's client reads it.
     *
     * @return an ordered map with the seed's upper-case fields, {@code idea_id}, {@code ID}, {@code STATUS},
     *         {@code REGIME} and {@code REVISION}
     */
    public Map<String, Object> toFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("idea_id", ideaId());
        f.put("ID", id);
        f.put("INSTRUMENT", instrument);
        f.put("TIMEFRAME", timeframe.name());
        f.put("ASSET_CLASS", assetClass);
        f.put("SIDE", side);
        f.put("OPEN_ORDER_TYPE", orderType);
        f.put("CONFIDENCE", confidence);
        f.put("ESTIMATED_PL", estimatedPl);
        f.put("PRICE", price);
        f.put("TAKE_PROFIT", takeProfit);
        f.put("STOP_LOSS", stopLoss);
        f.put("PREFIX", prefix);
        f.put("CREATION_TIME", creationTime.toString());
        f.put("LAST_UPDATE", lastUpdate.toString());
        f.put("EXPIRATION_TIME", expirationTime.toString());
        f.put("STATUS", status.wireName());
        f.put("REGIME", regime);
        f.put("REVISION", revision);
        f.put("DESCRIPTION", description);
        return f;
    }
}
