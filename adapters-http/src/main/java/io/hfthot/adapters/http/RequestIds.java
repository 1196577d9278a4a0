package io.hfthot.adapters.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Request ids: the client's {@code X-Request-Id} when it is a safe token, otherwise a random one. */
public final class RequestIds {
    /** Safe to echo into headers and logs: no spaces, no control characters, bounded length. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    private RequestIds() {
    }

    /**
     * Returns the id for a request: its header when that is a safe token, otherwise 16 random hex digits.
     *
     * @param header the {@code X-Request-Id} header, possibly null
     * @return the id
     */
    public static String fromHeaderOrNew(String header) {
        if (header != null && SAFE.matcher(header).matches()) {
            return header;
        }
        // 64 random bits are plenty to correlate a log line; SecureRandom-backed UUIDs cost more.
        long v = ThreadLocalRandom.current().nextLong();
        String hex = Long.toHexString(v);
        return "0000000000000000".substring(hex.length()) + hex;
    }
}
