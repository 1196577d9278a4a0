package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.HttpSurface;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request line and headers take longer than {@link RequestLimits#headerTimeout()},
 * after answering them 408 in the surface's shape (slow headers, "slowloris").
 *
 * <p>Why by hand: Jetty 12.1 has no header-phase deadline. Its idle timeout restarts at every byte, and its
 * {@code HttpConfiguration.setMinRequestDataRate} is only stored (nothing in Jetty 12.1's server reads it);
 * {@code StatisticsHandler.MinimumDataRateHandler} checks body reads only, once a handler runs, which is after
 * the headers. No handler runs before the headers are complete, so this is a sweep over the connector's
 * endpoints, every tenth of the timeout (between 50 ms and 1 s): an HTTP/1 connection whose parser is still
 * in its header states ({@link HttpParser#inHeaderState()}) and began the request
 * ({@link HttpParser#getBeginNanoTime()}, set at the request's first byte and zeroed between requests) more
 * than the timeout ago gets the answer and is closed. The parser's fields are read from the sweep thread
 * without Jetty's lock; a stale read delays the decision by one sweep at most, and an answer is only
 * written while no request exists on the connection yet (header state), so it cannot interleave with one.
 */
final class HeaderDeadline implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final String TIMED_OUT = HeaderDeadline.class.getName() + ".timedOut";

    private final ServerConnector connector;
    private final Scheduler scheduler;
    private final long timeoutNanos;
    private final long periodNanos;
    private final byte[] answer;
    private volatile Scheduler.Task next;
    private volatile boolean stopped;

    private HeaderDeadline(ServerConnector connector, Scheduler scheduler, RequestLimits limits, HttpSurface surface) {
        this.connector = connector;
        this.scheduler = scheduler;
        this.timeoutNanos = limits.headerTimeout().toNanos();
        this.periodNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(TimeUnit.SECONDS.toNanos(1),
                timeoutNanos / 10));
        byte[] body = surface.errorBody(ErrorKind.REQUEST_TIMEOUT, "request headers not received within "
                + limits.headerTimeout().toMillis() + " ms; send the request line and headers at once");
        int status = surface.errorShape().status(ErrorKind.REQUEST_TIMEOUT);
        byte[] head = ("HTTP/1.1 " + status + " Request Timeout\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
    }

    /**
     * Starts sweeping a started connector.
     *
     * @param connector the connector whose endpoints to watch
     * @param scheduler the started scheduler to run on
     * @param limits    the header timeout
     * @param surface   whose error shape the 408 answer uses
     * @return the running sweep; {@link #stop()} it before stopping the server
     */
    static HeaderDeadline start(ServerConnector connector, Scheduler scheduler, RequestLimits limits,
                                HttpSurface surface) {
        HeaderDeadline d = new HeaderDeadline(connector, scheduler, limits, surface);
        d.schedule();
        return d;
    }

    /** Stops the sweep. */
    void stop() {
        stopped = true;
        Scheduler.Task t = next;
        if (t != null) {
            t.cancel();
        }
    }

    private void schedule() {
        if (!stopped) {
            next = scheduler.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void run() {
        try {
            long now = NanoTime.now();
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                Connection c = endPoint.getConnection();
                if (c instanceof SslConnection ssl) {
                    c = ssl.getSslEndPoint().getConnection();
                }
                if (c instanceof HttpConnection http) {
                    check(http, now);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("header deadline sweep failed; it carries on at the next period", e);
        } finally {
            schedule();
        }
    }

    private void check(HttpConnection http, long now) {
        HttpParser parser = http.getParser();
        long begin = parser.getBeginNanoTime();
        if (begin == 0 || !parser.inHeaderState() || now - begin <= timeoutNanos
                || http.getAttribute(TIMED_OUT) != null) {
            return;
        }
        http.setAttribute(TIMED_OUT, Boolean.TRUE);
        EndPoint endPoint = http.getEndPoint();
        LOG.debug("closing {}: request headers incomplete after {} ms", endPoint.getRemoteSocketAddress(),
                NanoTime.millisElapsed(begin, now));
        try {
            endPoint.write(Callback.from(endPoint::close, x -> endPoint.close()), ByteBuffer.wrap(answer));
        } catch (RuntimeException writePending) {
            endPoint.close();
        }
    }
}
