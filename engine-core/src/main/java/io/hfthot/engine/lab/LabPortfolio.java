package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.QuantParameters;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.lab.api.BacktestRequest;
import io.hfthot.engine.lab.api.BacktestResponse;
import io.hfthot.engine.lab.api.OptimizeRequest;
import io.hfthot.engine.lab.api.OptimizeResponse;
import io.hfthot.engine.lab.quant.DailyCloses;
import io.hfthot.engine.lab.quant.PortfolioLab;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketRequests;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Seed 000's portfolio operations: optimisation (from an explicit covariance or from daily lakehouse returns) and
 * backtests of a periodically rebalanced portfolio. Part of {@link LabService}. quant-core's refusals reach the
 * client by the parameter they name ({@link QuantParameters}).
 *
 * <p>Thread-safe; every operation validates its input and throws {@link EngineException}.
 */
public final class LabPortfolio {
    /** Default {@code lookback_days} of portfolio optimisation (seed 000). */
    public static final int DEFAULT_LOOKBACK_DAYS = 60;

    /** Accepted {@code lookback_days}: at least this many daily returns. */
    public static final int MIN_LOOKBACK_DAYS = 5;

    /** Accepted {@code lookback_days}: at most this many (ten years). */
    public static final int MAX_LOOKBACK_DAYS = 3650;

    /** Default backtest span in days before {@code end_time}. */
    public static final int DEFAULT_BACKTEST_DAYS = 365;

    /** Default days between backtest rebalances. */
    public static final int DEFAULT_REBALANCE_DAYS = 7;

    /** Default backtest transaction cost in basis points. */
    public static final double DEFAULT_COST_BPS = 10.0;

    /** Most symbols one optimisation accepts (an explicit 50 x 50 covariance solves in about 15 ms). */
    public static final int MAX_SYMBOLS = 50;

    /** Most symbols one backtest accepts (each rebalance solves one optimisation over them). */
    public static final int MAX_BACKTEST_SYMBOLS = 20;

    /**
     * Most rebalances one backtest runs ({@code (end_time - start_time) / rebalance_days}): ten years weekly. With
     * {@link #MAX_BACKTEST_SYMBOLS} this bounds a backtest to about a second of CPU.
     */
    public static final int MAX_REBALANCES = 520;

    /** Default {@code points} of {@code efficient_frontier}. */
    public static final int DEFAULT_FRONTIER_POINTS = 20;
    /** Most {@code points} of one {@code efficient_frontier} (each is a closed-form solve, O(n^2) after one factorisation). */
    public static final int MAX_FRONTIER_POINTS = 200;
    /** The {@code method} values of an optimisation: every single-portfolio optimiser, then the frontier. */
    private static final List<String> OPTIMIZE_METHODS = java.util.stream.Stream.concat(
            PortfolioOptimizers.names().stream(), java.util.stream.Stream.of(EfficientFrontier.NAME)).toList();

    private static final long DAY_MS = 86_400_000L;

    private final InstantSource clock;
    private final LakehouseMarketData marketData;
    private final PortfolioLab portfolio = new PortfolioLab();
    private final LabSymbols symbols;
    private final CallerDepth depth;

    LabPortfolio(Engine engine, LabSymbols symbols, CallerDepth depth) {
        this.clock = engine.clock();
        this.marketData = engine.marketHistory();
        this.symbols = symbols;
        this.depth = depth;
    }

    /**
     * {@code POST /v1/portfolio/optimize}: weights by one of quant-core's optimisers ({@code cara},
     * {@code risk_parity}, {@code sparse_l1}, {@code min_variance}, {@code max_sharpe}, {@code hrp}), or the
     * {@code efficient_frontier}'s {@code points} minimum-variance portfolios (its first point's weights in
     * {@code weights}, every point in {@code frontier}), from the covariance (and mean) of daily lakehouse returns
     * over {@code lookback_days} or from an explicit {@code covariance} (and {@code expected_returns}).
     *
     * @param caller  the caller (its tier bounds {@code lookback_days})
     * @param request the body
     * @return weights, status and diagnostics
     * @throws EngineException INVALID_PARAMS (method, symbols, lookback_days, gamma, rho, expected_returns,
     *                      covariance, points) or TIER_REQUIRED (lookback_days beyond the tier's depth)
     */
    public OptimizeResponse optimize(Principal caller, OptimizeRequest request) {
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("method", "method is required");
        }
        boolean frontier = EfficientFrontier.NAME.equals(request.method());
        String method = frontier ? EfficientFrontier.NAME : method(request.method(), OPTIMIZE_METHODS);
        int points = frontierPoints(request.points(), frontier);
        double gamma = positive(request.gamma(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_GAMMA, "gamma");
        double rho = nonNegative(request.rho(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_RHO, "rho");
        if (request.covariance() != null) {
            List<String> symbols = frontierSymbols(this.symbols.distinct(request.symbols(), false), frontier);
            double[][] cov = matrix(request.covariance(), symbols.size());
            if (frontier && request.expectedReturns() == null) {
                throw EngineException.invalid("expected_returns", "expected_returns is required by efficient_frontier"
                        + " with an explicit covariance (one annualised return per symbol)");
            }
            double[] mu = request.expectedReturns() == null ? null : vector(request.expectedReturns(), symbols.size());
            return QuantParameters.call(() -> frontier ? portfolio.frontierExplicit(symbols, mu, cov, points)
                    : portfolio.optimizeExplicit(method, symbols, mu, cov, gamma, rho));
        }
        if (request.expectedReturns() != null) {
            throw EngineException.invalid("covariance", "covariance is required when expected_returns is given");
        }
        List<String> symbols = frontierSymbols(this.symbols.distinct(request.symbols(), true), frontier);
        int days = lookbackDays(request.lookbackDays());
        Instant now = clock.instant();
        long start = now.toEpochMilli() - (long) days * DAY_MS;
        depth.require(caller, start, now, "lookback_days");
        DailyCloses closes = dailyCloses(symbols, Interval.ONE_DAY.bucketStart(start) - DAY_MS, now.toEpochMilli(),
                days + 1);
        if (closes.days() < MIN_LOOKBACK_DAYS + 1) {
            throw EngineException.invalid("lookback_days", "only " + closes.days() + " common daily closes exist for "
                    + symbols + "; at least " + (MIN_LOOKBACK_DAYS + 1) + " are needed");
        }
        return QuantParameters.call(() -> frontier ? portfolio.frontierFromHistory(closes, points)
                : portfolio.optimizeFromHistory(method, closes, gamma, rho));
    }

    private static int frontierPoints(Integer points, boolean frontier) {
        if (points == null) {
            return DEFAULT_FRONTIER_POINTS;
        }
        if (!frontier) {
            throw EngineException.invalid("points", "points applies only to method efficient_frontier");
        }
        if (points < 2 || points > MAX_FRONTIER_POINTS) {
            throw EngineException.invalid("points", "points must be in [2, " + MAX_FRONTIER_POINTS + "], got " + points);
        }
        return points;
    }

    /** A frontier trades expected return against risk across assets: one asset has no frontier. */
    private static List<String> frontierSymbols(List<String> symbols, boolean frontier) {
        if (frontier && symbols.size() < 2) {
            throw EngineException.invalid("symbols", "efficient_frontier needs at least 2 symbols, got " + symbols);
        }
        return symbols;
    }

    /**
     * A backtest of a periodically rebalanced portfolio over daily lakehouse history.
     *
     * @param caller  the caller (its tier bounds {@code start_time} and the estimation window)
     * @param request the body
     * @return the equity curve and metrics
     * @throws EngineException INVALID_PARAMS or TIER_REQUIRED (start_time)
     */
    public BacktestResponse backtest(Principal caller, BacktestRequest request) {
        Objects.requireNonNull(caller, "caller");
        if (request == null) {
            throw EngineException.invalid("method", "method is required");
        }
        String method = method(request.method(), PortfolioOptimizers.names());
        if (request.symbols() != null && request.symbols().size() > MAX_BACKTEST_SYMBOLS) {
            throw EngineException.invalid("symbols", "a backtest accepts at most " + MAX_BACKTEST_SYMBOLS
                    + " symbols, got " + request.symbols().size());
        }
        List<String> symbols = this.symbols.distinct(request.symbols(), true);
        int lookback = lookbackDays(request.lookbackDays());
        int rebalance = request.rebalanceDays() == null ? DEFAULT_REBALANCE_DAYS : request.rebalanceDays();
        if (rebalance < 1 || rebalance > 365) {
            throw EngineException.invalid("rebalance_days", "rebalance_days must be in [1, 365], got " + rebalance);
        }
        double cost = nonNegative(request.costBps(), DEFAULT_COST_BPS, "cost_bps");
        if (cost > 1000) {
            throw EngineException.invalid("cost_bps", "cost_bps must be in [0, 1000], got " + cost);
        }
        double gamma = positive(request.gamma(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_GAMMA, "gamma");
        double rho = nonNegative(request.rho(), io.hfthot.quant.portfolio.PortfolioProblem.DEFAULT_RHO, "rho");
        Instant nowInstant = clock.instant();
        long now = nowInstant.toEpochMilli();
        long end = request.endTime() == null ? now : Math.min(request.endTime(), now);
        if (request.endTime() != null && request.endTime() < 0) {
            throw EngineException.invalid("end_time", "end_time must be a Unix ms timestamp >= 0, got " + request.endTime());
        }
        long start;
        if (request.startTime() == null) {
            // The default span is a year, shortened to what the tier's history can feed (the first
            // rebalance needs lookback_days of returns before it).
            long earliest = depth.earliestAllowedMs(caller, nowInstant);
            start = Math.max(end - DEFAULT_BACKTEST_DAYS * DAY_MS, earliest + (long) (lookback + 1) * DAY_MS);
            if (start > end) {
                depth.require(caller, end - (long) (lookback + 1) * DAY_MS, nowInstant, "lookback_days");
            }
        } else {
            start = request.startTime();
        }
        if (start < 0) {
            throw EngineException.invalid("start_time", "start_time must be a Unix ms timestamp >= 0, got " + start);
        }
        if (end < start) {
            throw EngineException.invalid("end_time", "end_time must be >= start_time (" + start + "), got " + end);
        }
        long rebalances = (end - start) / DAY_MS / rebalance + 1;
        if (rebalances > MAX_REBALANCES) {
            throw EngineException.invalid("rebalance_days", "the backtest from " + Instant.ofEpochMilli(start) + " to "
                    + Instant.ofEpochMilli(end) + " with rebalance_days=" + rebalance + " would run " + rebalances
                    + " rebalances; at most " + MAX_REBALANCES + " are accepted: raise rebalance_days or shorten"
                    + " start_time..end_time");
        }
        // The first rebalance needs lookback days of returns before start_time: that history is read too.
        long readFrom = start - (long) (lookback + 1) * DAY_MS;
        depth.require(caller, readFrom, nowInstant, request.startTime() == null ? "lookback_days" : "start_time");
        int maxDays = (int) Math.min(Integer.MAX_VALUE, (end - readFrom) / DAY_MS + 2);
        DailyCloses closes = dailyCloses(symbols, readFrom, end, maxDays);
        if (closes.days() < lookback + 2) {
            throw EngineException.invalid("start_time", "the backtest needs at least lookback_days + 2 = "
                    + (lookback + 2) + " common daily closes, found " + closes.days() + " from " + Instant.ofEpochMilli(readFrom)
                    + " to " + Instant.ofEpochMilli(end));
        }
        return QuantParameters.call(() -> portfolio.backtest(method, closes, lookback, rebalance, cost, gamma, rho));
    }

    private DailyCloses dailyCloses(List<String> symbols, long fromMs, long toMs, int maxDays) {
        int limit = Math.max(1, Math.min(MarketRequests.MAX_LIMIT, maxDays));
        List<Map<Long, Double>> bySymbol = new ArrayList<>();
        Set<Long> common = null;
        for (String s : symbols) {
            Map<Long, Double> closes = new LinkedHashMap<>();
            for (Bar b : marketData.bars(s, Interval.ONE_DAY, fromMs, toMs, limit)) {
                closes.put(b.time(), b.close());
            }
            bySymbol.add(closes);
            if (common == null) {
                common = new HashSet<>(closes.keySet());
            } else {
                common.retainAll(closes.keySet());
            }
        }
        long[] times = common == null ? new long[0] : common.stream().mapToLong(Long::longValue).sorted().toArray();
        double[][] closes = new double[times.length][symbols.size()];
        for (int t = 0; t < times.length; t++) {
            for (int i = 0; i < symbols.size(); i++) {
                closes[t][i] = bySymbol.get(i).get(times[t]);
            }
        }
        return new DailyCloses(symbols, times, closes);
    }

    private static String method(String method, List<String> accepted) {
        if (method == null || !accepted.contains(method)) {
            throw EngineException.invalid("method", "method must be one of " + accepted + ", got "
                    + (method == null ? "nothing" : "'" + method + "'"));
        }
        return method;
    }

    private static int lookbackDays(Integer days) {
        int d = days == null ? DEFAULT_LOOKBACK_DAYS : days;
        if (d < MIN_LOOKBACK_DAYS || d > MAX_LOOKBACK_DAYS) {
            throw EngineException.invalid("lookback_days", "lookback_days must be in [" + MIN_LOOKBACK_DAYS + ", "
                    + MAX_LOOKBACK_DAYS + "], got " + d);
        }
        return d;
    }

    private static double positive(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || !Double.isFinite(v)) {
            throw EngineException.invalid(name, name + " must be a finite number > 0, got " + v);
        }
        return v;
    }

    private static double nonNegative(Double value, double fallback, String name) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw EngineException.invalid(name, name + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    private static double[] vector(List<Double> values, int n) {
        if (values.size() != n) {
            throw EngineException.invalid("expected_returns", "expected_returns must have one entry per symbol (" + n
                    + "), got " + values.size());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            Double v = values.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw EngineException.invalid("expected_returns", "expected_returns[" + i + "] must be a finite number, got " + v);
            }
            out[i] = v;
        }
        return out;
    }

    private static double[][] matrix(List<List<Double>> rows, int n) {
        if (rows.size() != n) {
            throw EngineException.invalid("covariance", "covariance must be " + n + " x " + n + " (one row per symbol), got "
                    + rows.size() + " rows");
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            List<Double> row = rows.get(i);
            if (row == null || row.size() != n) {
                throw EngineException.invalid("covariance", "covariance row " + i + " must have " + n + " entries, got "
                        + (row == null ? 0 : row.size()));
            }
            for (int j = 0; j < n; j++) {
                Double v = row.get(j);
                if (v == null || !Double.isFinite(v)) {
                    throw EngineException.invalid("covariance", "covariance[" + i + "][" + j + "] must be a finite number, got " + v);
                }
                out[i][j] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = out[i][j];
                double b = out[j][i];
                if (Math.abs(a - b) > 1e-10 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                    throw EngineException.invalid("covariance", "covariance must be symmetric, got [" + i + "][" + j + "] = "
                            + a + " and [" + j + "][" + i + "] = " + b);
                }
            }
        }
        return out;
    }
}
