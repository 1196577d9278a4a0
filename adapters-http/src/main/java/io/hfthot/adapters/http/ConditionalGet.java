package io.hfthot.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Validators and freshness for answers that do not change (RFC 9110 section 8.8.3 and 13.1.2, RFC 9111 section
 * 5.2.2): a route tags its 200 answer with an {@code ETag} and a {@code Cache-Control}, and answers 304 Not
 * Modified, without a body, when the client's {@code If-None-Match} already names that tag.
 *
 * <p>Cache-Control is always {@code private}: these answers are per API key (and counted against its quota), so
 * a shared cache must not serve one key's answer to another.
 */
public final class ConditionalGet {
    /** For an answer that never changes (a table version): a year, and no revalidation while fresh. */
    public static final String IMMUTABLE = "private, max-age=31536000, immutable";
    /** For an answer that may change: store it, but revalidate before each use. */
    public static final String REVALIDATE = "private, no-cache";

    private ConditionalGet() {
    }

    /**
     * Tags a 200 answer, or replaces it by 304 when the request's {@code If-None-Match} matches the tag
     * (weak comparison, as the RFC requires for {@code If-None-Match}); other statuses pass untouched.
     *
     * @param request      the request
     * @param response     the answer
     * @param etag         the entity tag, quoted, optionally {@code W/}-prefixed (see {@link #weakTag})
     * @param cacheControl the {@code Cache-Control} value
     * @return the tagged answer or a 304
     */
    public static Response apply(RequestContext request, Response response, String etag, String cacheControl) {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(cacheControl, "cacheControl");
        if (response.status() != 200) {
            return response;
        }
        Response answer = request.header("If-None-Match").filter(v -> matches(v, etag)).isPresent()
                ? Response.notModified() : response;
        return answer.withHeader("ETag", etag).withHeader("Cache-Control", cacheControl);
    }

    /**
     * Tells whether an {@code If-None-Match} value names a tag: {@code *}, or one of its comma-separated tags
     * equal to it once {@code W/} prefixes are ignored.
     *
     * @param ifNoneMatch the header value
     * @param etag        the current tag
     * @return true for a match
     */
    static boolean matches(String ifNoneMatch, String etag) {
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * Builds a weak tag from a label and the bytes that make the answer: {@code W/"<label>-<length>-<crc32c>"}.
     * Weak because the tagged JSON also carries a measured latency that differs between two equal answers.
     *
     * @param label   readable part, e.g. {@code BTC-USDT-5m}; characters other than letters, digits, {@code -._}
     *                are replaced
     * @param content the bytes the answer is made of
     * @return the tag
     */
    public static String weakTag(String label, byte[] content) {
        return "W/" + contentTag(label, content);
    }

    /**
     * Builds a strong tag from a label and the exact bytes of the answer: {@code "<label>-<length>-<crc32c>"}.
     *
     * @param label   readable part; characters other than letters, digits, {@code -._} are replaced
     * @param content the answer's bytes
     * @return the tag
     */
    public static String contentTag(String label, byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return "\"" + label.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + content.length + "-"
                + Long.toHexString(crc.getValue()) + "\"";
    }

    /**
     * Builds a strong tag from the parts that identify an immutable answer, e.g. a table, a version and a row limit.
     *
     * @param parts the identifying values
     * @return the tag, {@code "<parts joined by ->"} with unsafe characters replaced
     */
    public static String strongTag(Object... parts) {
        StringBuilder label = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (Object p : parts) {
            if (label.length() > 0) {
                label.append('-');
            }
            label.append(String.valueOf(p).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]", "_"));
            raw.append(p).append('\u0000');
        }
        CRC32C crc = new CRC32C();
        // Over the raw parts: keeps two tags apart when the readable label above makes them equal.
        crc.update(raw.toString().getBytes(StandardCharsets.UTF_8));
        return "\"" + label + "-" + Long.toHexString(crc.getValue()) + "\"";
    }
}
