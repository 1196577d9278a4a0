package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.BookLevel;
import io.hfthot.engine.market.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The embedded {@link ExecutionVenue}: a limit order book for a binary token whose fair value follows a reference
 * price through a {@link FairValueModel}, with other makers ({@link OtherMakers}) and other participants' market
 * orders arriving as a Poisson process (the intensity model), plus arbitrageurs who sell into any bid standing
 * above the fair value and buy any ask standing below it.
 *
 * <p>Queue position: an order joins the back of its price level; the other makers' size at that level when it
 * arrives is ahead of it. That size only shrinks: by trades at the level (a market order consumes the queue in
 * time order) and by makers cancelling (ahead of the bot, which can only help it). An order executes only when a
 * market order or an arbitrageur trades at its price after everything ahead of it has traded: never at a price
 * the market did not trade through. An own order that crosses the book on arrival executes at once against the
 * other makers' levels at their prices (taker), the rest rests.
 *
 * <p>Not thread-safe (see the SPI).
 */
public final class SimulatedVenue implements ExecutionVenue {
    private final SimulatedVenueConfig config;
    private final FairValueModel fairValue;
    private final DoubleSupplier reference;
    private final String tokenId;
    private final SplittableRandom random;
    private final OtherMakers makers;
    private final List<Own> own = new ArrayList<>();
    private final List<Fill> pending = new ArrayList<>();
    private long nextOrderId = 1;
    private long nextFillId = 1;
    private long lastMs = Long.MIN_VALUE;
    private double lastFair = Double.NaN;
    private double lastTradePrice = Double.NaN;

    /** One own resting order; {@code ahead} is the other makers' size queued before it at its price. */
    private static final class Own {
        final long id;
        final Side side;
        final int tick;
        double remaining;
        double ahead;

        Own(long id, Side side, int tick, double remaining, double ahead) {
            this.id = id;
            this.side = side;
            this.tick = tick;
            this.remaining = remaining;
            this.ahead = ahead;
        }
    }

    /**
     * Opens a venue; the other makers' ladder is laid out at the first {@link #poll}.
     *
     * @param config    the market's parameters
     * @param fairValue the token's fair value as a function of the reference
     * @param reference the reference price (read at each poll and placement)
     * @param tokenId   the token's id
     */
    public SimulatedVenue(SimulatedVenueConfig config, FairValueModel fairValue, DoubleSupplier reference,
                          String tokenId) {
        this.config = Objects.requireNonNull(config, "config");
        this.fairValue = Objects.requireNonNull(fairValue, "fairValue");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
        this.random = new SplittableRandom(config.seed());
        this.makers = new OtherMakers(config, random);
    }

    @Override
    public String tokenId() {
        return tokenId;
    }

    @Override
    public double tickSize() {
        return config.tickSize();
    }

    @Override
    public FeeSchedule fees() {
        return config.fees();
    }

    @Override
    public long place(Side side, double price, double size) {
        Objects.requireNonNull(side, "side");
        int tick = tickOf(price);
        checkSize(size);
        long id = nextOrderId++;
        double left = cross(id, side, tick, size);
        if (left > 0) {
            double ahead = side == Side.BUY ? makers.bids[tick] : makers.asks[tick];
            own.add(new Own(id, side, tick, left, ahead));
        }
        return id;
    }

    @Override
    public long replace(long orderId, double price, double size) {
        int tick = tickOf(price);
        checkSize(size);
        Own old = find(orderId);
        if (old == null) {
            throw new IllegalArgumentException("order " + orderId + " is not resting (executed or cancelled)");
        }
        own.remove(old);
        return place(old.side, tick * config.tickSize(), size);
    }

    @Override
    public boolean cancel(long orderId) {
        Own o = find(orderId);
        return o != null && own.remove(o);
    }

    @Override
    public int cancelAll() {
        int n = own.size();
        own.clear();
        return n;
    }

    @Override
    public List<Fill> poll(long nowMs) {
        if (lastMs != Long.MIN_VALUE && nowMs < lastMs) {
            throw new IllegalArgumentException("poll time " + nowMs + " is before the previous poll " + lastMs);
        }
        double dt = lastMs == Long.MIN_VALUE ? 0 : Math.min(nowMs - lastMs, config.maxCatchUpMs()) / 1000.0;
        lastMs = nowMs;
        double fair = fairValue.fairValue(reference.getAsDouble());
        double move = Double.isNaN(lastFair) ? 0 : fair - lastFair;
        lastFair = fair;
        makers.update(fair, dt, this::makersShrunk);
        arbitrage(fair);
        takers(dt, move);
        List<Fill> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    @Override
    public List<OpenOrder> openOrders() {
        List<OpenOrder> out = new ArrayList<>(own.size());
        for (Own o : own) {
            out.add(new OpenOrder(o.id, o.side, o.tick * config.tickSize(), o.remaining));
        }
        return out;
    }

    @Override
    public BookSnapshot book(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        List<BookLevel> bids = new ArrayList<>(depth);
        List<BookLevel> asks = new ArrayList<>(depth);
        int n = config.ticksPerDollar();
        for (int t = n - 1; t >= 1 && bids.size() < depth; t--) {
            double size = makers.bids[t] + ownSize(Side.BUY, t);
            if (size > 0) {
                bids.add(new BookLevel(t * config.tickSize(), size));
            }
        }
        for (int t = 1; t < n && asks.size() < depth; t++) {
            double size = makers.asks[t] + ownSize(Side.SELL, t);
            if (size > 0) {
                asks.add(new BookLevel(t * config.tickSize(), size));
            }
        }
        return new BookSnapshot(bids, asks);
    }

    @Override
    public double liquidity() {
        return makers.liquidity();
    }

    /** @return the fair value at the last poll (NaN before the first) */
    public double fairValue() {
        return lastFair;
    }

    /** @return the price of the last trade in the market, anyone's (NaN before the first) */
    public double lastTradePrice() {
        return lastTradePrice;
    }

    /**
     * Another participant's market order: it trades through the book from the best price, own orders included in
     * their queue position, up to five cents from the fair value. Executions of own orders are reported by the
     * next {@link #poll}.
     *
     * @param aggressor the market order's side ({@code BUY} lifts asks)
     * @param size      shares, {@code > 0}
     * @return shares traded
     */
    public double marketOrder(Side aggressor, double size) {
        checkSize(size);
        double fair = Double.isNaN(lastFair) ? fairValue.fairValue(reference.getAsDouble()) : lastFair;
        int limit = (int) Math.rint((aggressor == Side.BUY ? fair + 0.05 : fair - 0.05) * config.ticksPerDollar());
        return sweep(aggressor, size, Math.max(1, Math.min(config.ticksPerDollar() - 1, limit)));
    }

    private void makersShrunk(int tick, double bid, double ask) {
        for (Own o : own) {
            if (o.tick == tick) {
                o.ahead = Math.min(o.ahead, o.side == Side.BUY ? bid : ask);
            }
        }
    }

    /** Arbitrageurs take own quotes standing on the wrong side of the fair value by more than a tick. */
    private void arbitrage(double fair) {
        int n = config.ticksPerDollar();
        int above = (int) Math.floor(fair * n + 1e-9) + 1;
        int below = (int) Math.ceil(fair * n - 1e-9) - 1;
        for (int i = 0; i < own.size(); i++) {
            Own o = own.get(i);
            if (o.side == Side.BUY && o.tick > above) {
                sweep(Side.SELL, levelSize(Side.BUY, o.tick), o.tick);
                i = -1; // the list changed
            } else if (o.side == Side.SELL && o.tick < below) {
                sweep(Side.BUY, levelSize(Side.SELL, o.tick), o.tick);
                i = -1;
            }
        }
    }

    /** Poisson arrivals of market orders over {@code dt} seconds; buying is likelier after the fair value rose. */
    private void takers(double dt, double fairMove) {
        double rate = config.takerRatePerSecond();
        if (rate <= 0 || dt <= 0) {
            return;
        }
        double pBuy = 0.5 + Math.max(-0.3, Math.min(0.3, fairMove * 50));
        double t = -Math.log(1 - random.nextDouble()) / rate;
        while (t < dt) {
            Side side = random.nextDouble() < pBuy ? Side.BUY : Side.SELL;
            double size = Math.max(1, Math.ceil(-Math.log(1 - random.nextDouble()) * config.meanTakerShares()));
            marketOrder(side, size);
            t += -Math.log(1 - random.nextDouble()) / rate;
        }
    }

    /**
     * An aggressor trades up to {@code size} through the opposite side, level by level up to {@code limitTick};
     * within a level the other makers' shares ahead of an own order trade first.
     */
    private double sweep(Side aggressor, double size, int limitTick) {
        Side resting = aggressor == Side.BUY ? Side.SELL : Side.BUY;
        double[] makerSizes = aggressor == Side.BUY ? makers.asks : makers.bids;
        int step = aggressor == Side.BUY ? 1 : -1;
        int start = aggressor == Side.BUY ? 1 : config.ticksPerDollar() - 1;
        double left = size;
        for (int t = start; left > 0 && t >= 1 && t < config.ticksPerDollar(); t += step) {
            if (aggressor == Side.BUY ? t > limitTick : t < limitTick) {
                break;
            }
            if (makerSizes[t] <= 0 && ownSize(resting, t) <= 0) {
                continue;
            }
            double before = left;
            left = tradeLevel(resting, t, makerSizes, left);
            if (left < before) {
                lastTradePrice = t * config.tickSize();
            }
        }
        return size - left;
    }

    private double tradeLevel(Side resting, int tick, double[] makerSizes, double size) {
        List<Own> queue = new ArrayList<>();
        for (Own o : own) {
            if (o.side == resting && o.tick == tick) {
                queue.add(o);
            }
        }
        queue.sort(Comparator.comparingDouble((Own o) -> o.ahead).thenComparingLong(o -> o.id));
        double left = size;
        double makersTraded = 0;
        for (Own o : queue) {
            double before = Math.min(left, Math.max(0, o.ahead - makersTraded));
            makersTraded += before;
            left -= before;
            if (left <= 0) {
                break;
            }
            double mine = Math.min(left, o.remaining);
            execute(o, mine, Liquidity.MAKER, tick);
            left -= mine;
        }
        double behind = Math.min(left, makerSizes[tick] - makersTraded);
        makersTraded += behind;
        left -= behind;
        makerSizes[tick] -= makersTraded;
        for (Own o : queue) {
            o.ahead = Math.max(0, o.ahead - makersTraded);
        }
        own.removeIf(o -> o.remaining <= 0);
        return left;
    }

    /** Executes the crossing part of a new own order against the other makers; returns what is left to rest. */
    private double cross(long id, Side side, int tick, double size) {
        double[] opposite = side == Side.BUY ? makers.asks : makers.bids;
        int step = side == Side.BUY ? 1 : -1;
        int start = side == Side.BUY ? 1 : config.ticksPerDollar() - 1;
        double left = size;
        for (int t = start; left > 0 && (side == Side.BUY ? t <= tick : t >= tick); t += step) {
            double take = Math.min(left, opposite[t]);
            if (take > 0) {
                opposite[t] -= take;
                left -= take;
                Side restingSide = side == Side.BUY ? Side.SELL : Side.BUY;
                for (Own o : own) {
                    if (o.side == restingSide && o.tick == t) {
                        o.ahead = Math.min(o.ahead, opposite[t]);
                    }
                }
                double price = t * config.tickSize();
                pending.add(new Fill(nextFillId++, id, side, price, take, Liquidity.TAKER,
                        config.fees().fee(price * take, Liquidity.TAKER), Math.max(lastMs, 0)));
                lastTradePrice = price;
            }
        }
        return left;
    }

    private void execute(Own o, double shares, Liquidity liquidity, int tick) {
        o.remaining -= shares;
        double price = tick * config.tickSize();
        pending.add(new Fill(nextFillId++, o.id, o.side, price, shares, liquidity,
                config.fees().fee(price * shares, liquidity), Math.max(lastMs, 0)));
    }

    private double levelSize(Side side, int tick) {
        return (side == Side.BUY ? makers.bids[tick] : makers.asks[tick]) + ownSize(side, tick);
    }

    private double ownSize(Side side, int tick) {
        double s = 0;
        for (Own o : own) {
            if (o.side == side && o.tick == tick) {
                s += o.remaining;
            }
        }
        return s;
    }

    private Own find(long orderId) {
        for (Own o : own) {
            if (o.id == orderId) {
                return o;
            }
        }
        return null;
    }

    private int tickOf(double price) {
        double scaled = price * config.ticksPerDollar();
        long tick = Math.round(scaled);
        if (!Double.isFinite(price) || Math.abs(scaled - tick) > 1e-6 || tick < 1 || tick >= config.ticksPerDollar()) {
            throw new IllegalArgumentException("price must be a multiple of the tick " + config.tickSize()
                    + " strictly inside (0, 1), got " + price);
        }
        return (int) tick;
    }

    private static void checkSize(double size) {
        if (!(size >= 1) || !Double.isFinite(size) || size != Math.rint(size)) {
            throw new IllegalArgumentException("size must be a whole number of shares >= 1, got " + size);
        }
    }
}
