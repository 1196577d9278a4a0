package io.hfthot.engine.hub;

import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.hub.plan.Planner;
import io.hfthot.engine.hub.plan.RuleBasedPlanner;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link HubService} runs.
 *
 * @param adminEmail       the first user's email ({@code HUB_ADMIN_EMAIL}), or null for a printed demo user
 * @param adminPassword    the first user's password ({@code HUB_ADMIN_PASSWORD}), or null
 * @param passwords        the argon2id cost
 * @param internalSecret   the {@code X-Internal-Secret} agents push with, or null for a random one per start
 * @param agentThreads     threads of the in-process agent runtime
 * @param maxAgentsPerUser the most agents (not deleted) one user may have
 * @param journalFlush     how often trades and logs are written to the lakehouse
 * @param candleRefresh    how often the candle scheduler refreshes hot entries
 * @param planner          the planner behind {@code POST /plan}
 */
public record HubOptions(String adminEmail, String adminPassword, Argon2idPasswords passwords, String internalSecret,
                         int agentThreads, int maxAgentsPerUser, Duration journalFlush, Duration candleRefresh,
                         Planner planner) {
    /** Validates the options. */
    public HubOptions {
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new IllegalArgumentException("HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD must be set together");
        }
        if (adminPassword != null && adminPassword.length() < 8) {
            throw new IllegalArgumentException("HUB_ADMIN_PASSWORD must be at least 8 characters");
        }
        Objects.requireNonNull(passwords, "passwords");
        if (agentThreads < 1 || maxAgentsPerUser < 1) {
            throw new IllegalArgumentException("agentThreads and maxAgentsPerUser must be >= 1, got " + agentThreads
                    + ", " + maxAgentsPerUser);
        }
        Objects.requireNonNull(journalFlush, "journalFlush");
        Objects.requireNonNull(candleRefresh, "candleRefresh");
        Objects.requireNonNull(planner, "planner");
    }

    /**
     * Returns the defaults: demo user, OWASP argon2id, random internal secret, as many agent threads as cores
     * (at least 2), 2,000 agents per user, journal flush every 2 s, candle refresh every 10 s, rule-based planner.
     *
     * @return the options
     */
    public static HubOptions defaults() {
        return new HubOptions(null, null, Argon2idPasswords.OWASP, null,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 2_000, Duration.ofSeconds(2),
                Duration.ofSeconds(10), new RuleBasedPlanner());
    }

    /**
     * Returns a copy with the first user's credentials.
     *
     * @param email    the email
     * @param password the password
     * @return the copy
     */
    public HubOptions withAdmin(String email, String password) {
        return new HubOptions(email, password, passwords, internalSecret, agentThreads, maxAgentsPerUser, journalFlush,
                candleRefresh, planner);
    }

    /**
     * Returns a copy with another argon2id cost (tests use a cheap one).
     *
     * @param p the hasher
     * @return the copy
     */
    public HubOptions withPasswords(Argon2idPasswords p) {
        return new HubOptions(adminEmail, adminPassword, p, internalSecret, agentThreads, maxAgentsPerUser,
                journalFlush, candleRefresh, planner);
    }

    /**
     * Returns a copy with a fixed internal secret.
     *
     * @param secret at least 16 characters
     * @return the copy
     */
    public HubOptions withInternalSecret(String secret) {
        return new HubOptions(adminEmail, adminPassword, passwords, secret, agentThreads, maxAgentsPerUser,
                journalFlush, candleRefresh, planner);
    }

    /**
     * Returns a copy with another planner.
     *
     * @param p the planner
     * @return the copy
     */
    public HubOptions withPlanner(Planner p) {
        return new HubOptions(adminEmail, adminPassword, passwords, internalSecret, agentThreads, maxAgentsPerUser,
                journalFlush, candleRefresh, p);
    }
}
