package io.hfthot.server.wiring;

import java.util.Map;

/**
 * The hub's settings (seed 004): its port and the first user.
 *
 * @param port          the hub's REST + WebSocket port, default 9000 (0: ephemeral)
 * @param adminEmail    {@code HUB_ADMIN_EMAIL}, or null for a printed demo user
 * @param adminPassword {@code HUB_ADMIN_PASSWORD}, or null
 */
public record HubConfig(int port, String adminEmail, String adminPassword) {
    /** The variable naming the first user's email. */
    public static final String ADMIN_EMAIL_ENV = "HUB_ADMIN_EMAIL";
    /** The variable holding the first user's password (no flag: a command line is visible to all). */
    public static final String ADMIN_PASSWORD_ENV = "HUB_ADMIN_PASSWORD";

    /** Validates the settings. */
    public HubConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--hub-port = " + port + " is not a port; expected 0 (ephemeral) to 65535");
        }
        if ((adminEmail == null) != (adminPassword == null)) {
            throw new IllegalArgumentException(ADMIN_EMAIL_ENV + " and " + ADMIN_PASSWORD_ENV + " must be set together");
        }
    }

    /**
     * Reads the first user from the environment.
     *
     * @param port the port
     * @param env  the environment
     * @return the settings
     */
    public static HubConfig of(int port, Map<String, String> env) {
        return new HubConfig(port, blankToNull(env.get(ADMIN_EMAIL_ENV)), blankToNull(env.get(ADMIN_PASSWORD_ENV)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "HubConfig[port=" + port + ", admin=" + (adminEmail == null ? "demo user" : adminEmail) + "]";
    }
}
