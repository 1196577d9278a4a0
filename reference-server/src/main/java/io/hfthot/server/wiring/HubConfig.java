package io.hfthot.server.wiring;

import java.util.Map;

/**
 * The hub's settings (seed 004): its port and the first user.
 *
 * @param port          the hub's REST + WebSocket port, default 9000 (0: ephemeral)
 * @param adminEmail    {@code HUB_ADMIN_EMAIL}, or null for a printed demo user
 * @param adminPassword {@code HUB_ADMIN_PASSWORD}, or null
 * @param plannerUrl    the OpenAI-compatible API base the planner calls with a user's {@code OPENAI_API_KEY}
 *                      secret ({@code HUB_OPENAI_BASE_URL}, default {@value #DEFAULT_PLANNER_URL})
 * @param plannerModel  the model it asks ({@code HUB_OPENAI_MODEL}, default {@value #DEFAULT_PLANNER_MODEL})
 * @param processAgents true to run each agent in its own child process ({@code --hub-agents process}); false
 *                      (default) to run them in the server's process
 */
public record HubConfig(int port, String adminEmail, String adminPassword, String plannerUrl, String plannerModel,
                        boolean processAgents) {
    /** The default planner API base. */
    public static final String DEFAULT_PLANNER_URL = "https://api.openai.com/v1";
    /** The default planner model. */
    public static final String DEFAULT_PLANNER_MODEL = "gpt-4o-mini";
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
        if (plannerUrl == null || !plannerUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("HUB_OPENAI_BASE_URL must be an http(s) URL, got " + plannerUrl);
        }
        if (plannerModel == null || plannerModel.isBlank()) {
            throw new IllegalArgumentException("HUB_OPENAI_MODEL must not be blank");
        }
    }

    /**
     * Returns the settings for tests: an ephemeral port, a demo user, the default planner endpoint.
     *
     * @return the settings
     */
    public static HubConfig ephemeral() {
        return new HubConfig(0, null, null, DEFAULT_PLANNER_URL, DEFAULT_PLANNER_MODEL, false);
    }

    /**
     * Reads the first user and the planner endpoint from the environment.
     *
     * @param port   the port
     * @param agents {@code in-process} or {@code process}
     * @param env    the environment
     * @return the settings
     */
    public static HubConfig of(int port, String agents, Map<String, String> env) {
        if (!agents.equals("in-process") && !agents.equals("process")) {
            throw new IllegalArgumentException("--hub-agents = '" + agents + "'; expected in-process or process");
        }
        String url = blankToNull(env.get("HUB_OPENAI_BASE_URL"));
        String model = blankToNull(env.get("HUB_OPENAI_MODEL"));
        return new HubConfig(port, blankToNull(env.get(ADMIN_EMAIL_ENV)), blankToNull(env.get(ADMIN_PASSWORD_ENV)),
                url == null ? DEFAULT_PLANNER_URL : url, model == null ? DEFAULT_PLANNER_MODEL : model,
                agents.equals("process"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "HubConfig[port=" + port + ", admin=" + (adminEmail == null ? "demo user" : adminEmail) + ", agents="
                + (processAgents ? "process" : "in-process") + "]";
    }
}
