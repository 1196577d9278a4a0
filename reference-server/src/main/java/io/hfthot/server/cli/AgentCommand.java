package io.hfthot.server.cli;

import io.hfthot.adapters.http.hub.runner.AgentProcess;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code agent}: runs one hub agent in this process, as the hub's process runner starts it
 * ({@link AgentProcess}: its own port, seed 004's agent endpoints, pushes to the hub's {@code /internal/*} routes).
 * Not meant to be typed by hand; listed so that {@code --help} tells what the runner's children are.
 */
public final class AgentCommand {
    /** Exit code when the agent could not start. */
    public static final int FAILED = 1;

    private AgentCommand() {
    }

    /** The command line of {@code agent}: the runner's positional arguments, handed to {@link AgentProcess}. */
    @Command(name = "agent", usageHelpWidth = 120,
            customSynopsis = "java -jar hfthot-server.jar agent <hub-url> <port> <agent-json>",
            description = "Runs one hub agent for the hub's process runner (--hub-agents process); the internal secret "
                    + "comes from the environment. See docs/hub.md.")
    public static final class Options {
        @Parameters(arity = "0..*", paramLabel = "ARG", description = "hub URL, port and the agent's JSON")
        List<String> args = new ArrayList<>();
    }

    /**
     * Runs the agent until it is stopped.
     *
     * @param options the parsed arguments
     * @param err     where a start failure is reported
     * @return 0 when the agent stopped, {@link #FAILED} when it could not start
     */
    public static int run(Options options, PrintStream err) {
        try {
            AgentProcess.main(options.args.toArray(String[]::new));
            return 0;
        } catch (Exception e) {
            err.println("hfthot-server agent: " + e.getMessage());
            return FAILED;
        }
    }
}
