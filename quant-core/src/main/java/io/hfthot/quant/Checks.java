package io.hfthot.quant;

/**
 * Argument validation shared by every quant-core routine. Each failure is an {@link InvalidParameterException} (an
 * {@link IllegalArgumentException}) naming the parameter; its message gives the offending value and what
 * would be accepted.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Requires a finite value.
     *
     * @param value the value
     * @param name  the parameter name used in the error message
     * @return the value
     */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name, name + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite, strictly positive value.
     *
     * @param value the value
     * @param name  the parameter name used in the error message
     * @return the value
     */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidParameterException(name, name + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite, non-negative value.
     *
     * @param value the value
     * @param name  the parameter name used in the error message
     * @return the value
     */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidParameterException(name, name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /**
     * Requires an integer within inclusive bounds.
     *
     * @param value the value
     * @param min   the smallest accepted value
     * @param max   the largest accepted value
     * @param name  the parameter name used in the error message
     * @return the value
     */
    public static int inRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidParameterException(name, name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * Requires every element of a vector to be finite.
     *
     * @param values the vector (not modified)
     * @param name   the parameter name used in the error message
     * @return the same array
     */
    public static double[] allFinite(double[] values, String name) {
        if (values == null) {
            throw new InvalidParameterException(name, name + " must not be null");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new InvalidParameterException(name,
                        name + "[" + i + "] must be a finite number, got " + values[i]);
            }
        }
        return values;
    }

    /**
     * Requires a vector of an exact length.
     *
     * @param values the vector (not modified)
     * @param length the required length
     * @param name   the parameter name used in the error message
     * @return the same array
     */
    public static double[] length(double[] values, int length, String name) {
        if (values == null) {
            throw new InvalidParameterException(name, name + " must not be null");
        }
        if (values.length != length) {
            throw new InvalidParameterException(name, name + " must have length " + length + ", got " + values.length);
        }
        return values;
    }

    /**
     * Requires a rectangular matrix of finite values with the given shape.
     *
     * @param m    the matrix, row-major (not modified)
     * @param rows the required number of rows
     * @param cols the required number of columns
     * @param name the parameter name used in the error message
     * @return the same matrix
     */
    public static double[][] matrix(double[][] m, int rows, int cols, String name) {
        if (m == null) {
            throw new InvalidParameterException(name, name + " must not be null");
        }
        if (m.length != rows) {
            throw new InvalidParameterException(name, name + " must have " + rows + " rows, got " + m.length);
        }
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new InvalidParameterException(name, name + " row " + i + " must have " + cols + " columns, got "
                        + (m[i] == null ? "null" : m[i].length));
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new InvalidParameterException(name,
                            name + "[" + i + "][" + j + "] must be a finite number, got " + m[i][j]);
                }
            }
        }
        return m;
    }

    /**
     * Requires a square, finite matrix that is symmetric within {@link Tolerances#SYMMETRY_RELATIVE}
     * of its largest absolute entry.
     *
     * @param m    the matrix (not modified)
     * @param n    the required dimension
     * @param name the parameter name used in the error message
     * @return the same matrix
     */
    public static double[][] symmetric(double[][] m, int n, String name) {
        matrix(m, n, n, name);
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double tol = Tolerances.SYMMETRY_RELATIVE * Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(m[i][j] - m[j][i]) > tol) {
                    throw new InvalidParameterException(name,
                            name + " must be symmetric, but " + name + "[" + i + "][" + j
                            + "] = " + m[i][j] + " and " + name + "[" + j + "][" + i + "] = " + m[j][i]);
                }
            }
        }
        return m;
    }
}
