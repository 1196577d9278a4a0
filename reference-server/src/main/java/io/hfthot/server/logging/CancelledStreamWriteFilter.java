package io.hfthot.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops one benign grpc-java warning: {@code NettyServerHandler}'s "Stream Error" whose cause is Netty's
 * "Stream closed before write could take place". grpc-java logs it, with a stack trace, whenever a client
 * cancels or resets a server stream (a StreamTicks or StreamRegime subscriber hanging up) while messages are
 * still queued for it: the writes are discarded with the stream, which is what the client asked for
 * (grpc/grpc-java issues 1578 and 7984). Every other record, of that logger and of every other, passes.
 */
public final class CancelledStreamWriteFilter extends Filter<ILoggingEvent> {
    /** Ends the name of grpc-java's Netty server handler logger, shaded or not. */
    static final String LOGGER_SUFFIX = "grpc.netty.NettyServerHandler";
    /** The message grpc-java logs for a stream-level HTTP/2 error. */
    static final String STREAM_ERROR = "Stream Error";
    /** Netty's message for writes that a reset stream can no longer take. */
    static final String CLOSED_BEFORE_WRITE = "Stream closed before write could take place";

    /** Creates the filter (logback instantiates it from logback.xml). */
    public CancelledStreamWriteFilter() {
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLoggerName().endsWith(LOGGER_SUFFIX) || !STREAM_ERROR.equals(event.getMessage())) {
            return FilterReply.NEUTRAL;
        }
        IThrowableProxy cause = event.getThrowableProxy();
        return cause != null && cause.getMessage() != null && cause.getMessage().startsWith(CLOSED_BEFORE_WRITE)
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
