package io.hfthot.adapters.http;

import java.util.Objects;

/**
 * Hands one access-log record per exchange to the surface's {@link AccessLog}: surface, request id, method, raw
 * path, status, body bytes and time taken. The outermost filter of every surface, so the record covers errors,
 * preflights and refusals too.
 */
final class AccessLogFilter implements ExchangeFilter {
    private final String surfaceName;
    private volatile AccessLog log = AccessLog.SLF4J;

    AccessLogFilter(String surfaceName) {
        this.surfaceName = surfaceName;
    }

    /** Replaces where records go (see {@link HttpSurface#accessLog}). */
    void use(AccessLog accessLog) {
        this.log = Objects.requireNonNull(accessLog, "accessLog");
    }

    @Override
    public Outcome filter(Call call, Chain next) {
        long start = System.nanoTime();
        Outcome outcome = next.proceed(call);
        log.record(surfaceName, call.requestId(), call.method(), call.rawPath(), outcome.status(), outcome.bytes(),
                (System.nanoTime() - start) / 1000);
        return outcome;
    }
}
