package io.hfthot.quant.backtest;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Performance metrics of a series of period returns, in the conventions of the empyrical library
 * (Quantopian), which pyfolio and most Python tooling report:
 * <ul>
 *   <li>{@code totalReturn = prod(1 + r) - 1} (empyrical {@code cum_returns_final});</li>
 *   <li>{@code cagr = (1 + totalReturn)^(P / N) - 1} with {@code N} returns and {@code P} periods a year
 *       ({@code annual_return});</li>
 *   <li>{@code annualVolatility = std(r, ddof = 1) * sqrt(P)} ({@code annual_volatility});</li>
 *   <li>{@code sharpe = mean(r - rf) / std(r - rf, ddof = 1) * sqrt(P)} with {@code rf} per period
 *       ({@code sharpe_ratio});</li>
 *   <li>{@code sortino = mean(r - rf) * P / (sqrt(mean(min(r - rf, 0)^2)) * sqrt(P))}, the downside mean taken
 *       over all periods ({@code sortino_ratio}); {@code +Infinity} when no period is below {@code rf} and the
 *       mean is positive;</li>
 *   <li>{@code maxDrawdown = min_t (V_t / max_{s <= t} V_s - 1)}, a number {@code <= 0}, on the value path
 *       starting at 1 before the first return ({@code max_drawdown});</li>
 *   <li>{@code maxDrawdownDuration}: the longest run of periods the value path spends below its running peak
 *       (peak to recovery, or to the end if not recovered);</li>
 *   <li>{@code calmar = cagr / |maxDrawdown|}, NaN without a drawdown ({@code calmar_ratio});</li>
 *   <li>{@code hitRate}: the fraction of periods with a return {@code > 0};</li>
 *   <li>{@code totalTurnover}: traded notional over the run as a fraction of equity (two-way, initial purchase
 *       included) and {@code annualTurnover = totalTurnover * P / N}.</li>
 * </ul>
 * Ratios that need a standard deviation are NaN with fewer than 2 returns.
 *
 * @param periods             the number of returns N
 * @param totalReturn         cumulative return
 * @param cagr                compound annual growth rate
 * @param annualVolatility    annualised standard deviation
 * @param sharpe              annualised Sharpe ratio
 * @param sortino             annualised Sortino ratio
 * @param maxDrawdown         maximum drawdown ({@code <= 0})
 * @param maxDrawdownDuration longest time under water, in periods
 * @param calmar              Calmar ratio
 * @param hitRate             share of positive periods
 * @param totalTurnover       traded notional / equity over the run
 * @param annualTurnover      traded notional / equity per year
 */
public record PerformanceMetrics(int periods, double totalReturn, double cagr, double annualVolatility,
        double sharpe, double sortino, double maxDrawdown, int maxDrawdownDuration, double calmar, double hitRate,
        double totalTurnover, double annualTurnover) {

    /** Trading days per year, the default annualisation factor. */
    public static final double TRADING_DAYS = 252.0;

    /**
     * Computes the metrics of a return series.
     *
     * @param returns           period returns, each finite and {@code >= -1} (not modified)
     * @param periodsPerYear    periods per year, e.g. {@link #TRADING_DAYS}
     * @param riskFreePerPeriod risk-free return per period
     * @param totalTurnover     traded notional over the run as a fraction of equity ({@code >= 0})
     * @return the metrics
     */
    public static PerformanceMetrics compute(double[] returns, double periodsPerYear, double riskFreePerPeriod,
            double totalTurnover) {
        Checks.allFinite(returns, "returns");
        Checks.positive(periodsPerYear, "periodsPerYear");
        Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
        Checks.nonNegative(totalTurnover, "totalTurnover");
        int n = returns.length;
        if (n == 0) {
            throw new InvalidParameterException("returns", "returns must contain at least 1 period");
        }
        double value = 1.0;
        double peak = 1.0;
        double maxDd = 0.0;
        int under = 0;
        int longest = 0;
        int hits = 0;
        double sumExcess = 0;
        double downsideSq = 0;
        for (int t = 0; t < n; t++) {
            double r = returns[t];
            if (r < -1) {
                throw new InvalidParameterException("returns", "returns[" + t + "] must be >= -1, got " + r);
            }
            value *= 1 + r;
            if (value >= peak) {
                peak = value;
                under = 0;
            } else {
                under++;
                longest = Math.max(longest, under);
                maxDd = Math.min(maxDd, value / peak - 1);
            }
            if (r > 0) {
                hits++;
            }
            double excess = r - riskFreePerPeriod;
            sumExcess += excess;
            double down = Math.min(excess, 0.0);
            downsideSq += down * down;
        }
        double total = value - 1;
        double cagr = Math.pow(value, periodsPerYear / n) - 1;
        double meanExcess = sumExcess / n;
        double sdReturns = stdDdof1(returns, 0.0);
        double sdExcess = stdDdof1(returns, riskFreePerPeriod);
        double vol = sdReturns * Math.sqrt(periodsPerYear);
        double sharpe = meanExcess / sdExcess * Math.sqrt(periodsPerYear);
        double downside = Math.sqrt(downsideSq / n) * Math.sqrt(periodsPerYear);
        double sortino = downside > 0 ? meanExcess * periodsPerYear / downside
                : meanExcess > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        double calmar = maxDd < 0 ? cagr / -maxDd : Double.NaN;
        return new PerformanceMetrics(n, total, cagr, vol, sharpe, sortino, maxDd, longest, calmar,
                (double) hits / n, totalTurnover, totalTurnover * periodsPerYear / n);
    }

    /** Sample standard deviation of {@code r - shift}; NaN for fewer than 2 values. */
    private static double stdDdof1(double[] r, double shift) {
        int n = r.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : r) {
            mean += v - shift;
        }
        mean /= n;
        double ss = 0;
        for (double v : r) {
            double d = v - shift - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }
}
