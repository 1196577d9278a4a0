package io.hfthot.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;
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

    /**
     * Parses a command's own arguments into its picocli options object (a command run on its own, outside the
     * server's command line): prints the help when asked, or the reworded error and the usage.
     *
     * @param options the command's {@code @Command} options object, filled in place
     * @param args    the arguments after the command's name
     * @param prefix  the command's error prefix, e.g. {@code "hfthot-server import: "}
     * @param out     where the help goes
     * @param err     where errors go
     * @return empty when the options are ready to run; otherwise the exit code (0 after help, 2 for bad arguments)
     */
    public static OptionalInt parseAlone(Object options, List<String> args, String prefix, PrintStream out,
                                                   PrintStream err) {
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            err.println(prefix + of(e));
            err.print(cl.getUsageMessage());
            return OptionalInt.of(USAGE_EXIT);
        }
        if (cl.isUsageHelpRequested()) {
            out.print(cl.getUsageMessage());
            return OptionalInt.of(0);
        }
        return OptionalInt.empty();
    }

    /** The exit code of a bad command line, for every command. */
    public static final int USAGE_EXIT = 2;
}
