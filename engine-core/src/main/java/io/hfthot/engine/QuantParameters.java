package io.hfthot.engine;

import io.hfthot.quant.InvalidParameterException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns quant-core's refusals into the engine's error model: an {@link InvalidParameterException} names the Java
 * parameter it refused ({@link InvalidParameterException#parameter()}), and this class maps that name to the wire
 * field a client sent, from one explicit table. No parameter is ever guessed from a message.
 *
 * <p>Only {@link InvalidParameterException} is a client error here. Any other exception a quant routine throws
 * (an {@link IllegalArgumentException} without a parameter, an {@link ArithmeticException}, ...) means the engine
 * passed something it should have validated, or a library bug: it propagates unchanged and the adapter answers
 * {@code INTERNAL_ERROR} with the stack trace in its log.
 */
public final class QuantParameters {
    /**
     * Java parameter names (as quant-core's builders and javadoc spell them) whose wire name differs. Names not
     * listed are the same on the wire ({@code covariance}, {@code gamma}, {@code rho}, {@code symbols}, ...).
     */
    private static final Map<String, String> WIRE_NAMES = Map.of(
            "expectedReturns", "expected_returns",
            "costBps", "cost_bps",
            "lookback", "lookback_days",
            "rebalanceEvery", "rebalance_days",
            // The frontier's largest target is the largest expected return: what the client can change.
            "maxReturn", "expected_returns");

    private QuantParameters() {
    }

    /**
     * Returns the wire name of a quant-core parameter name; an element index ({@code riskBudgets[3]}) is dropped.
     *
     * @param javaName the name {@link InvalidParameterException#parameter()} gave
     * @return the wire name
     */
    public static String wireName(String javaName) {
        int bracket = javaName.indexOf('[');
        String base = bracket < 0 ? javaName : javaName.substring(0, bracket);
        return WIRE_NAMES.getOrDefault(base, base);
    }

    /**
     * Runs a quant-core call, turning its parameter refusals into {@link ErrorCode#INVALID_PARAMS} on the wire
     * name; every other exception passes through unchanged.
     *
     * @param call the call
     * @param <T>  its result
     * @return the result
     * @throws EngineException INVALID_PARAMS naming the refused parameter's wire name
     */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidParameterException e) {
            throw new EngineException(ErrorCode.INVALID_PARAMS, wireName(e.parameter()), null, e.getMessage(), e);
        }
    }
}
