package io.hfthot.quant.hmm;

/**
 * {@code exp(x)} for the arguments of the scaled emissions (at most 200), to within 2 ulp of {@link Math#exp}.
 *
 * <p>Hand-written because {@code Math.exp} is an out-of-line stub call on HotSpot (about 11 ns per call when
 * measured inside the emission loop on this machine), which made it the dominant cost of forward-backward.
 * This version is Tang's table method (ACM TOMS 15(2), 1989), inlined by the JIT so that the exponentials of
 * the K states pipeline: {@code x = (64 m + j) ln2/64 + r} with {@code |r| <= ln2/128}, then
 * {@code exp(x) = 2^m * 2^(j/64) * exp(r)} with a degree-5 polynomial for {@code exp(r)} (truncation error
 * below 4e-17 relative). Arguments outside [-708, 700], where the scale would leave the normal range, go to
 * {@code Math.exp}.
 */
final class FastExp {
    /** ln 2 / 64 split so that {@code n * LN2_64_HI} is exact for |n| < 2^21 (fdlibm's ln2_hi / ln2_lo over 64). */
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64;
    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64;
    private static final double INV_LN2_64 = 64 / Math.log(2);
    /** Adding and subtracting 1.5 * 2^52 rounds a double of magnitude below 2^51 to the nearest integer. */
    private static final double ROUNDER = 0x1.8p52;
    private static final double[] TABLE = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TABLE[j] = Math.pow(2, j / 64.0);
        }
    }

    private FastExp() {
    }

    /**
     * The exponential.
     *
     * @param x any argument; those in [-708, 700] take the fast path
     * @return {@code exp(x)} within 2 ulp
     */
    static double exp(double x) {
        if (!(x >= -708.0 && x <= 700.0)) {
            return Math.exp(x);
        }
        double shifted = x * INV_LN2_64 + ROUNDER;
        int n = (int) Double.doubleToRawLongBits(shifted);
        double kd = shifted - ROUNDER;
        double r = (x - kd * LN2_64_HI) - kd * LN2_64_LO;
        double q = r * (1.0 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
        double t = TABLE[n & 63];
        double scale = Double.longBitsToDouble((long) ((n >> 6) + 1023) << 52);
        return (t + t * q) * scale;
    }
}
