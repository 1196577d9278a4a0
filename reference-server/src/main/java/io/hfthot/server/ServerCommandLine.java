package io.hfthot.server;

import io.hfthot.server.cli.AgentCommand;
import io.hfthot.server.cli.CliMessages;
import io.hfthot.server.cli.ImportCommand;
import io.hfthot.server.cli.OptimizeCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The server's command line, on picocli: {@code serve} (also what runs when no command is named, so
 * {@code java -jar hfthot-server.jar --http-port 9080} keeps working), {@code import} and {@code optimize}, each with
 * a full {@code --help}.
 *
 * <p>The serve options are not annotated fields: they are built from {@link ServerConfig.Option}, so that one enum
 * constant gives a flag, its environment variable, its config-file key and its help line. Picocli only parses the
 * command line; the layering (flag, variable, config file, default) is {@link ServerConfig#fromLayers}.
 */
final class ServerCommandLine {
    /** The flag naming the config file. */
    static final String CONFIG_FLAG = "--config";
    /** The variable naming the config file. */
    static final String CONFIG_ENV = "HFTHOT_CONFIG";
    /** Exit code of a command line that could not be parsed. */
    static final int USAGE = 2;

    private static final String NAME = "java -jar hfthot-server.jar";

    private ServerCommandLine() {
    }

    /**
     * Parses a command line and runs what it names.
     *
     * @param args  the arguments
     * @param env   the environment
     * @param out   where help and command output go
     * @param err   where errors go
     * @param serve runs the server with its configuration and returns the process's exit code
     * @return the exit code: 0 after help, the command's code, {@value #USAGE} for a bad command line
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                   ToIntFunction<ServerConfig> serve) {
        CommandLine root = root();
        root.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        ParseResult parsed;
        try {
            parsed = root.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("hfthot-server: " + message(e));
            err.print(e.getCommandLine().getUsageMessage());
            return USAGE;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        ParseResult command = parsed.hasSubcommand() ? parsed.subcommand() : parsed;
        Object options = command.commandSpec().userObject();
        if (options instanceof ImportCommand.Options o) {
            return ImportCommand.run(o, env, out, err);
        }
        if (options instanceof OptimizeCommand.Options o) {
            return OptimizeCommand.run(o, env, out, err);
        }
        if (options instanceof AgentCommand.Options o) {
            return AgentCommand.run(o, err);
        }
        ServerConfig config;
        try {
            Map<ServerConfig.Option, String> flags = flags(parsed);
            flags.putAll(flags(command));
            config = ServerConfig.fromLayers(flags, env, configFile(parsed, command, env));
        } catch (IllegalArgumentException e) {
            err.println("hfthot-server: " + e.getMessage());
            err.print(command.commandSpec().commandLine().getUsageMessage());
            return USAGE;
        }
        return serve.applyAsInt(config);
    }

    /**
     * Parses the serve options alone (what {@link ServerConfig#parse} does).
     *
     * @param args the serve options
     * @param env  the environment
     * @return the configuration
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad value
     */
    static ServerConfig serveConfig(String[] args, Map<String, String> env) {
        ParseResult parsed;
        try {
            parsed = serveCommand("serve").parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(message(e), e);
        }
        return ServerConfig.fromLayers(flags(parsed), env, configFile(parsed, parsed, env));
    }

    /** @return the serve command's {@code --help} text */
    static String serveUsage() {
        return serveCommand("serve").getUsageMessage();
    }

    private static CommandLine root() {
        CommandLine root = serveCommand(null);
        root.addSubcommand("serve", serveCommand("serve"));
        root.addSubcommand("import", new CommandLine(new ImportCommand.Options()));
        root.addSubcommand("optimize", new CommandLine(new OptimizeCommand.Options()));
        root.addSubcommand("agent", new CommandLine(new AgentCommand.Options()));
        return root;
    }

    /** Builds the serve command (the root command when {@code subcommand} is null). */
    private static CommandLine serveCommand(String subcommand) {
        CommandSpec spec = CommandSpec.create().name(subcommand == null ? NAME : subcommand);
        spec.usageMessage()
                .description(subcommand == null
                        ? "Serves the HFThot APIs (the serve command's options; 'serve' may be left out)."
                        : "Serves the HFThot APIs: REST + WebSocket, gRPC, the market-maker stream and the management "
                                + "listener.")
                .footer("", "Each option is read from its flag, else its environment variable, else the config file "
                                + "(" + CONFIG_FLAG + " or " + CONFIG_ENV + "; keys are the flags without '--'), else its "
                                + "default.",
                        "HFTHOT_MASTER_KEY  the provider-keys master key itself, base64 of 32 bytes (instead of "
                                + "--master-key-file; no flag: a command line is visible to all)",
                        "See docs/operations.md.")
                .width(120)
                .abbreviateSynopsis(true);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        for (ServerConfig.Option o : ServerConfig.Option.values()) {
            spec.addOption(OptionSpec.builder(o.flag).paramLabel(o.fileKey().toUpperCase(java.util.Locale.ROOT)
                            .replace('-', '_')).type(String.class).arity("1")
                    .description(o.help + " (env " + o.env + "; default: "
                            + (o.defaultValue.isEmpty() ? "none" : o.defaultValue) + ")")
                    .build());
        }
        spec.addOption(OptionSpec.builder(CONFIG_FLAG).paramLabel("FILE").type(String.class).arity("1")
                .description("Properties file with options (env " + CONFIG_ENV + "; keys: the flags without '--').")
                .build());
        CommandLine cl = new CommandLine(spec);
        // The flags' historical behaviour: the last occurrence wins.
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }

    private static Map<ServerConfig.Option, String> flags(ParseResult parsed) {
        Map<ServerConfig.Option, String> flags = new EnumMap<>(ServerConfig.Option.class);
        for (ServerConfig.Option o : ServerConfig.Option.values()) {
            if (parsed.hasMatchedOption(o.flag)) {
                flags.put(o, parsed.matchedOptionValue(o.flag, ""));
            }
        }
        return flags;
    }

    private static Map<ServerConfig.Option, String> configFile(ParseResult root, ParseResult command,
                                                               Map<String, String> env) {
        String file = command.hasMatchedOption(CONFIG_FLAG) ? command.matchedOptionValue(CONFIG_FLAG, "")
                : root.hasMatchedOption(CONFIG_FLAG) ? root.matchedOptionValue(CONFIG_FLAG, "")
                : env.getOrDefault(CONFIG_ENV, "");
        return file.isBlank() ? Map.of() : ConfigFile.read(Path.of(file.trim()));
    }

    private static String message(CommandLine.ParameterException e) {
        return CliMessages.of(e);
    }
}
