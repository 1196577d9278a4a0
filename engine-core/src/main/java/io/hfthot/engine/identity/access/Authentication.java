package io.hfthot.engine.identity.access;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.quota.QuotaDecision;

/**
 * The result of presenting an API key: a principal, or the {@code UNAUTHORIZED} decision to send back.
 */
public sealed interface Authentication permits Authentication.Authenticated, Authentication.Rejected {
    /**
     * The key was found and is active.
     *
     * @param principal who is calling
     */
    record Authenticated(Principal principal) implements Authentication {
        /** Validates the principal. */
        public Authenticated {
            if (principal == null) {
                throw new IllegalArgumentException("principal must not be null");
            }
        }
    }

    /**
     * The key was missing, malformed, unknown or revoked.
     *
     * @param decision the {@code UNAUTHORIZED} decision with its user-facing message
     */
    record Rejected(QuotaDecision decision) implements Authentication {
        /** Validates that the decision is a refusal. */
        public Rejected {
            if (decision == null || decision.outcome() != QuotaDecision.Outcome.UNAUTHORIZED) {
                throw new IllegalArgumentException("a rejection carries an UNAUTHORIZED decision, got " + decision);
            }
        }
    }
}
