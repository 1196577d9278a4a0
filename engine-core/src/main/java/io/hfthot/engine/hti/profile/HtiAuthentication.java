package io.hfthot.engine.hti.profile;

import io.hfthot.engine.quota.RateLimitResult;
import java.time.Instant;

/** The result of presenting an {@code X-API-Code}: the profile, or the status and detail to answer. */
public sealed interface HtiAuthentication permits HtiAuthentication.Accepted, HtiAuthentication.Refused {
    /**
     * The code is valid, unexpired and within its per-minute limit.
     *
     * @param profile         the profile
     * @param authenticatedAt when it was checked
     * @param rateLimit       the per-minute window after this request
     */
    record Accepted(HtiProfile profile, Instant authenticatedAt, RateLimitResult rateLimit) implements HtiAuthentication {
        /** Validates the components. */
        public Accepted {
            if (profile == null || authenticatedAt == null || rateLimit == null) {
                throw new IllegalArgumentException("profile, authenticatedAt and rateLimit must not be null");
            }
        }
    }

    /**
     * The code is refused.
     *
     * @param status    401 (missing, unknown or expired) or 429 (over its per-minute limit)
     * @param detail    the {@code detail} text of seed 001's error body
     * @param rateLimit the window state for 429, else null
     */
    record Refused(int status, String detail, RateLimitResult rateLimit) implements HtiAuthentication {
        /** Validates the status. */
        public Refused {
            if (status != 401 && status != 429) {
                throw new IllegalArgumentException("status must be 401 or 429, got " + status);
            }
            if (detail == null || detail.isBlank()) {
                throw new IllegalArgumentException("detail must not be blank");
            }
        }
    }
}
