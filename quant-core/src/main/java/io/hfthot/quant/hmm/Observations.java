package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sequence of {@code T} observations of {@code d} features, validated once so that the
 * inference kernels never meet a NaN or a ragged row.
 *
 * <p>Values are stored row-major in one flat array ({@code value(t, j) = data[t * d + j]}); the array is
 * copied in and never exposed.
 *
 * <p>Several independent sequences of the same features can be held at once ({@link #sequences(List)}): their
 * rows are stored one after the other, and the fit ({@link BaumWelch}) and {@link GaussianHmm#logLikelihood}
 * treat each as starting afresh from the initial distribution, with no transition across a boundary.
 */
public final class Observations {
    /** Row-major values, length {@code length * features}; package-private for the kernels, never modified. */
    final double[] data;
    private final int length;
    private final int features;
    /** First row of each sequence when there are several, else {@code null}; never modified. */
    private final int[] starts;
    /** The sequences when there are several (views of the same values, copied), else {@code null}. */
    final Observations[] parts;

    private Observations(double[] data, int length, int features) {
        this(data, length, features, null);
    }

    private Observations(double[] data, int length, int features, int[] starts) {
        this.data = data;
        this.length = length;
        this.features = features;
        this.starts = starts;
        if (starts == null) {
            parts = null;
        } else {
            parts = new Observations[starts.length];
            for (int s = 0; s < starts.length; s++) {
                int end = s + 1 < starts.length ? starts[s + 1] : length;
                parts[s] = new Observations(Arrays.copyOfRange(data, starts[s] * features, end * features),
                        end - starts[s], features);
            }
        }
    }

    /**
     * Several independent sequences of the same features, to be fitted at once: forward-backward runs per
     * sequence and the M-step pools their expected statistics; the initial distribution is estimated from every
     * sequence's first posterior. One sequence gives observations equal to it.
     *
     * @param sequences at least one sequence, each of at least 2 observations and of the same number of features
     * @return the observations, {@code length()} the total number of rows
     * @throws IllegalArgumentException if the list is null or empty, or a sequence is null, shorter than 2, of
     *                                  other features than the first, or itself holds several sequences
     */
    public static Observations sequences(List<Observations> sequences) {
        if (sequences == null || sequences.isEmpty()) {
            throw new InvalidParameterException("sequences", "sequences must hold at least one sequence, got "
                    + (sequences == null ? "null" : "an empty list"));
        }
        int total = 0;
        int d = -1;
        for (int s = 0; s < sequences.size(); s++) {
            Observations o = sequences.get(s);
            if (o == null || o.length < 2 || o.parts != null) {
                throw new InvalidParameterException("sequences",
                        "sequences[" + s + "] must be one sequence of at least 2 "
                        + "observations, got " + (o == null ? "null" : o.parts != null ? o.parts.length
                        + " sequences" : o.length + " observation(s)"));
            }
            if (d >= 0 && o.features != d) {
                throw new InvalidParameterException("sequences", "sequences[" + s + "] has " + o.features
                        + " features but sequences[0] has " + d);
            }
            d = o.features;
            total += o.length;
        }
        if (sequences.size() == 1) {
            return sequences.get(0);
        }
        double[] data = new double[total * d];
        int[] starts = new int[sequences.size()];
        int row = 0;
        for (int s = 0; s < sequences.size(); s++) {
            Observations o = sequences.get(s);
            starts[s] = row;
            System.arraycopy(o.data, 0, data, row * d, o.length * d);
            row += o.length;
        }
        return new Observations(data, total, d, starts);
    }

    /** Values of the same shape and sequence boundaries as these (a row-major array of the same length). */
    Observations withValues(double[] values) {
        return new Observations(values.clone(), length, features, starts);
    }

    /** Number of independent sequences held (1 unless built by {@link #sequences(List)}). */
    public int sequenceCount() {
        return starts == null ? 1 : starts.length;
    }

    /**
     * Wraps a copy of a one-feature series.
     *
     * @param values the series, every value finite, at least one value (not modified)
     * @return the observations, {@code features() == 1}
     * @throws IllegalArgumentException if the series is null, empty or holds a NaN or infinity
     */
    public static Observations univariate(double[] values) {
        if (values == null || values.length == 0) {
            throw new InvalidParameterException("observations", "observations must hold at least one value, got "
                    + (values == null ? "null" : "an empty array"));
        }
        for (int t = 0; t < values.length; t++) {
            if (!Double.isFinite(values[t])) {
                throw new InvalidParameterException("observations",
                        "observations[" + t + "] must be a finite number, got " + values[t]);
            }
        }
        return new Observations(values.clone(), values.length, 1);
    }

    /**
     * Wraps a copy of a multi-feature series given as rows.
     *
     * @param rows {@code T} rows of {@code d >= 1} finite values each (not modified)
     * @return the observations
     * @throws IllegalArgumentException if rows are missing, ragged or hold a NaN or infinity
     */
    public static Observations of(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new InvalidParameterException("observations", "observations must hold at least one row, got "
                    + (rows == null ? "null" : "an empty array"));
        }
        if (rows[0] == null || rows[0].length == 0) {
            throw new InvalidParameterException("observations", "observations row 0 must hold at least one feature");
        }
        int d = rows[0].length;
        double[] data = new double[rows.length * d];
        for (int t = 0; t < rows.length; t++) {
            double[] row = rows[t];
            if (row == null || row.length != d) {
                throw new InvalidParameterException("observations", "observations row " + t + " must have " + d
                        + " features like row 0, got " + (row == null ? "null" : row.length));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new InvalidParameterException("observations",
                            "observations[" + t + "][" + j + "] must be a finite number, got " + row[j]);
                }
                data[t * d + j] = row[j];
            }
        }
        return new Observations(data, rows.length, d);
    }

    /** Number of observations {@code T}. */
    public int length() {
        return length;
    }

    /** Number of features {@code d} per observation. */
    public int features() {
        return features;
    }

    /**
     * One value.
     *
     * @param t the time index in {@code [0, length())}
     * @param j the feature index in {@code [0, features())}
     * @return the value
     */
    public double value(int t, int j) {
        if (t < 0 || t >= length || j < 0 || j >= features) {
            throw new IndexOutOfBoundsException("(t, j) = (" + t + ", " + j + ") outside [0, " + length
                    + ") x [0, " + features + ")");
        }
        return data[t * features + j];
    }

    /**
     * A copy of one feature over time.
     *
     * @param j the feature index
     * @return a new array of length {@code length()}
     */
    public double[] column(int j) {
        if (j < 0 || j >= features) {
            throw new IndexOutOfBoundsException("feature " + j + " outside [0, " + features + ")");
        }
        double[] out = new double[length];
        for (int t = 0; t < length; t++) {
            out[t] = data[t * features + j];
        }
        return out;
    }

    /**
     * The observations from {@code from} (inclusive) to {@code to} (exclusive), copied.
     *
     * @param from the first index
     * @param to   one past the last index, {@code from < to <= length()}
     * @return the slice
     * @throws io.hfthot.quant.InvalidParameterException if the range is empty or outside
     * @throws IllegalStateException    if these observations hold several sequences
     */
    public Observations slice(int from, int to) {
        if (parts != null) {
            throw new IllegalStateException("slice needs a single sequence; these observations hold "
                    + parts.length + " sequences");
        }
        if (from < 0 || to > length || from >= to) {
            throw new InvalidParameterException("from",
                    "slice [" + from + ", " + to + ") must be non-empty and inside [0, " + length + ")");
        }
        return new Observations(Arrays.copyOfRange(data, from * features, to * features), to - from, features);
    }

    /**
     * Wraps a copy of a flat row-major array ({@code value(t, j) = values[t * features + j]}).
     *
     * @param values   the values, length a positive multiple of {@code features}, all finite (not modified)
     * @param features the number of features per observation, at least 1
     * @return the observations
     * @throws IllegalArgumentException if the length is not a positive multiple of {@code features} or a
     *                                  value is not finite
     */
    public static Observations ofRowMajor(double[] values, int features) {
        if (features < 1) {
            throw new InvalidParameterException("features", "features must be >= 1, got " + features);
        }
        if (values == null || values.length == 0 || values.length % features != 0) {
            throw new InvalidParameterException("observations",
                    "observations must hold a positive multiple of " + features
                    + " values, got " + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidParameterException("observations",
                        "observations[" + (i / features) + "][" + (i % features)
                        + "] must be a finite number, got " + values[i]);
            }
        }
        return new Observations(values.clone(), values.length / features, features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observations other && other.features == features && Arrays.equals(other.starts, starts)
                && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * features + Arrays.hashCode(starts)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Observations[length=" + length + ", features=" + features
                + (starts == null ? "" : ", sequences=" + starts.length) + "]";
    }
}
