package io.hfthot.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one access-log line per exchange through slf4j logger {@code io.hfthot.access}: surface, request id,
 * method, raw path, status, body bytes and time taken. The outermost filter of every surface, so the line covers
 * errors, preflights and refusals too.
 */
final class AccessLogFilter implements ExchangeFilter {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.hfthot.access");

    private final String surfaceName;

    AccessLogFilter(String surfaceName) {
        this.surfaceName = surfaceName;
    }

    @Override
    public Outcome filter(Call call, Chain next) {
        long start = System.nanoTime();
        Outcome outcome = next.proceed(call);
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info("{} {} {} {} {} {}B {}us", surfaceName, call.requestId(), call.method(), call.rawPath(),
                    outcome.status(), outcome.bytes(), (System.nanoTime() - start) / 1000);
        }
        return outcome;
    }
}
