package io.hfthot.quant;

import java.util.Objects;

/**
 * A quant-core routine refused an argument: {@link #parameter()} names the parameter it refused (as its javadoc
 * and builders spell it, for example {@code "returns"} or {@code "riskAversion"}) so that a caller maps the
 * refusal to its own field without reading the message; the message says the value and what is accepted.
 *
 * <p>A subclass of {@link IllegalArgumentException}, so existing {@code catch} clauses keep working.
 */
public class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The refused parameter's name. */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the refused parameter's name
     * @param message   what was wrong and what is accepted
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /**
     * Creates the exception with its cause (a refusal found by a nested validation).
     *
     * @param parameter the refused parameter's name
     * @param message   what was wrong and what is accepted
     * @param cause     the nested refusal
     */
    public InvalidParameterException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = Objects.requireNonNull(parameter, "parameter");
    }

    /**
     * Returns the refused parameter's name.
     *
     * @return the name
     */
    public String parameter() {
        return parameter;
    }
}
