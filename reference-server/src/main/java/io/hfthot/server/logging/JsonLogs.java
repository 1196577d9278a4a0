package io.hfthot.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to one JSON object per line ({@code --log-format json}): the same appenders, levels and
 * variables as {@code logback.xml}, with logback's {@code JsonEncoder} ({@code logback-json.xml}), for log
 * collectors that parse JSON.
 */
public final class JsonLogs {
    /** The class-path resource holding the JSON configuration. */
    static final String RESOURCE = "/logback-json.xml";

    private JsonLogs() {
    }

    /**
     * Replaces the running logback configuration by the JSON one.
     *
     * @throws IllegalStateException when the backend is not logback or the resource is missing or invalid
     */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("--log-format json needs logback as the logging backend, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        URL config = JsonLogs.class.getResource(RESOURCE);
        if (config == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the server jar");
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot apply " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
