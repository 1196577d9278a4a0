package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import java.util.List;
import java.util.Objects;

/**
 * One linear constraint on the weights, {@code min <= coefficients' w <= max}, for example a sector limit
 * (coefficients 1 on the sector's assets, 0 elsewhere). {@code min = max} is an equality; infinite limits mean "no
 * limit on that side". Added to a problem with {@link PortfolioProblem.Builder#linearConstraint} or
 * {@link PortfolioProblem.Builder#groupLimit}.
 *
 * @param name         a non-blank label, used in error messages
 * @param coefficients one finite coefficient per asset, in the problem's symbol order (copied in and out)
 * @param min          the lower limit, a number or -Infinity
 * @param max          the upper limit, a number or +Infinity, at least {@code min}
 */
public record LinearConstraint(String name, double[] coefficients, double min, double max) {

    /** Validates (the length against the symbols is checked by the problem) and copies. */
    public LinearConstraint {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("name", "a linear constraint's name must be a non-blank string, got '"
                    + name + "'");
        }
        Objects.requireNonNull(coefficients, "coefficients");
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new InvalidParameterException("coefficients", "constraint '" + name + "': coefficients[" + i
                        + "] must be a finite number, got " + coefficients[i]);
            }
        }
        if (Double.isNaN(min) || min == Double.POSITIVE_INFINITY) {
            throw new InvalidParameterException("min", "constraint '" + name + "': min must be a number or -Infinity, "
                    + "got " + min);
        }
        if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY) {
            throw new InvalidParameterException("max", "constraint '" + name + "': max must be a number or +Infinity, "
                    + "got " + max);
        }
        if (min > max) {
            throw new InvalidParameterException("min", "constraint '" + name + "': min = " + min
                    + " must not exceed max = " + max);
        }
        coefficients = coefficients.clone();
    }

    /** Returns a copy of the coefficients. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    double[] coefficientsRaw() {
        return coefficients;
    }

    /** A group limit whose members are resolved against the symbols at build time. */
    record PendingGroup(String name, List<String> members, double min, double max) {
        LinearConstraint resolve(List<String> symbols) {
            if (members == null || members.isEmpty()) {
                throw new InvalidParameterException("members", "group '" + name + "': members must name at least 1 "
                        + "symbol, got " + (members == null ? "null" : "[]"));
            }
            double[] coefficients = new double[symbols.size()];
            for (String member : members) {
                int i = symbols.indexOf(member);
                if (i < 0) {
                    throw new InvalidParameterException("members", "group '" + name + "': member '" + member
                            + "' is not one of the symbols " + symbols);
                }
                if (coefficients[i] != 0) {
                    throw new InvalidParameterException("members", "group '" + name + "': member '" + member
                            + "' is listed twice");
                }
                coefficients[i] = 1.0;
            }
            return new LinearConstraint(name, coefficients, min, max);
        }
    }

}
