package io.hfthot.adapters.http.marketmaker;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.RequestContext;
import io.hfthot.adapters.http.RequestFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Seed 003's control-endpoint guard: the {@code X-API-KEY} header must equal the configured
 * {@code DASHBOARD_API_KEY}. Missing or wrong: 403 {@code {"detail":"Invalid or missing X-API-KEY"}}; no key
 * configured: 500 {@code {"detail":"Security key not configured on server"}} (the seed's own answer). The
 * comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time whatever the
 * content (JDK 17: it reads every byte of equal-length arrays), and digests always have the same length, so the
 * time tells nothing about the key. Applies to routes under {@value #CONTROL_PREFIX} only. Thread-safe.
 */
public final class DashboardKey implements RequestFilter {
    /** The header. */
    public static final String HEADER = "X-API-KEY";
    /** The guarded routes' prefix. */
    public static final String CONTROL_PREFIX = "/api/v1/control/";
    /** The 403 message, as the seed spells it. */
    public static final String INVALID = "Invalid or missing X-API-KEY";
    /** The 500 message, as the seed spells it. */
    public static final String NOT_CONFIGURED = "Security key not configured on server";

    private final byte[] digest;

    private DashboardKey(byte[] digest) {
        this.digest = digest;
    }

    /**
     * A guard for a configured key; an empty or blank key counts as not configured.
     *
     * @param key the key, if configured
     * @return the guard
     */
    public static DashboardKey of(Optional<String> key) {
        return new DashboardKey(key.filter(k -> !k.isBlank()).map(DashboardKey::sha256).orElse(null));
    }

    /** @return whether a key is configured */
    public boolean configured() {
        return digest != null;
    }

    @Override
    public void filter(RequestContext request) {
        if (!request.routePattern().startsWith(CONTROL_PREFIX)) {
            return;
        }
        if (digest == null) {
            throw new ApiException(ErrorKind.INTERNAL_ERROR, NOT_CONFIGURED);
        }
        Optional<String> given = request.header(HEADER);
        if (given.isEmpty() || !MessageDigest.isEqual(digest, sha256(given.get()))) {
            throw new ApiException(ErrorKind.FORBIDDEN, INVALID);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
