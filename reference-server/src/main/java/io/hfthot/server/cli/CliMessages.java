package io.hfthot.server.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Picocli's parse errors in the server's words: the option, and what is accepted. Shared by every command so that
 * {@code serve}, {@code import} and {@code optimize} say the same thing the same way.
 */
public final class CliMessages {
    private CliMessages() {
    }

    /**
     * Rewords a parse error.
     *
     * @param e the error
     * @return a sentence naming the option and what is accepted
     */
    public static String of(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            List<String> accepted = e.getCommandLine().getCommandSpec().options().stream()
                    .map(OptionSpec::longestName).filter(n -> !n.equals("--help")).collect(Collectors.toList());
            return (arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg + "'; accepted: "
                    + String.join(", ", accepted) + ", --help";
        }
        if (e instanceof CommandLine.MissingParameterException m && m.getMissing() != null && !m.getMissing().isEmpty()
                && m.getMissing().get(0) instanceof OptionSpec o) {
            // Picocli raises the same exception for a required option left out and for an option without its value.
            return o.longestName() + (e.getMessage().startsWith("Missing required option") ? " is required"
                    : " needs a value");
        }
        return e.getMessage();
    }
}
