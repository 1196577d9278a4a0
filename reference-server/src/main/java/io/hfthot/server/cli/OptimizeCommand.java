package io.hfthot.server.cli;

import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.market.lakehouse.MarketCompaction;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.OptimizeResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar hfthot-server.jar optimize}: compacts the market tables and {@code hti.ideas} now (the server
 * also does it on a schedule). Safe while the server runs: compaction commits optimistically and never changes a row.
 * With {@code --symbol} only that symbol's market partitions are compacted; {@code hti.ideas} is not partitioned, so
 * it is compacted only by a run without {@code --symbol}.
 *
 * <p>Exit codes: 0 done (also when there was nothing to compact), 1 failed, 2 bad arguments.
 */
public final class OptimizeCommand {
    /** Exit code of a completed run. */
    public static final int OK = 0;
    /** Exit code of a failed run. */
    public static final int FAILED = 1;
    /** Exit code of bad arguments. */
    public static final int USAGE = CliMessages.USAGE_EXIT;

    private static final String PREFIX = "hfthot-server optimize: ";
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final long MAX_TARGET_MB = 1L << 20;

    private OptimizeCommand() {
    }

    /**
     * The parsed command line.
     *
     * @param dataDir     the server's data directory
     * @param targetBytes target size of a compacted file
     * @param symbol      one symbol's partitions only, or null
     */
    record Arguments(Path dataDir, long targetBytes, String symbol) {
    }

    /**
     * The command line of {@code optimize}, parsed by picocli (as a subcommand of the server's command line, or by
     * {@link #run(List, Map, PrintStream, PrintStream)}).
     */
    @Command(name = "optimize", sortOptions = false, usageHelpWidth = 120,
            customSynopsis = "java -jar hfthot-server.jar optimize [options]",
            description = "Compacts small files of market.ohlcv, market.ticks and hti.ideas (OPTIMIZE: no row changes; "
                    + "safe while the server runs).",
            footer = {"Exit codes: 0 done, 1 failed, 2 bad arguments. See docs/lakehouse.md."})
    public static final class Options {
        @Option(names = "--data-dir", paramLabel = "D", description = "server data directory (env HFTHOT_DATA_DIR, default ./data)")
        Path dataDir;
        @Option(names = "--target-mb", paramLabel = "N", description = "target size of a compacted file in MiB (default 16)")
        String targetMb;
        @Option(names = "--symbol", paramLabel = "S", description = "only this symbol's market partitions (hti.ideas is then left alone)")
        String symbol;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    /**
     * Returns the usage text.
     *
     * @return several lines
     */
    public static String usage() {
        return new CommandLine(new Options()).getUsageMessage();
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code optimize}
     * @param env  environment variables ({@code HFTHOT_DATA_DIR})
     * @param out  where the summary goes
     * @param err  where errors go
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options = new Options();
        OptionalInt done = CliMessages.parseAlone(options, args, PREFIX, out, err);
        return done.isPresent() ? done.getAsInt() : run(options, env, out, err);
    }

    /**
     * Runs the command over parsed options.
     *
     * @param options the parsed command line
     * @param env     environment variables ({@code HFTHOT_DATA_DIR})
     * @param out     where the summary goes
     * @param err     where errors go
     * @return {@link #OK}, {@link #FAILED} or {@link #USAGE}
     */
    public static int run(Options options, Map<String, String> env, PrintStream out, PrintStream err) {
        Arguments parsed;
        try {
            parsed = arguments(options, env);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            err.print(usage());
            return USAGE;
        }
        try {
            Lakehouse lakehouse = Lakehouse.open(parsed.dataDir().resolve("lakehouse"));
            List<MarketCompaction.Outcome> outcomes = new ArrayList<>(
                    MarketCompaction.runOnce(lakehouse, parsed.targetBytes(), parsed.symbol()));
            if (parsed.symbol() == null && lakehouse.exists(IdeaTable.TABLE)) {
                // Not IdeaTable.open: that would create the table in a data directory that never had one.
                outcomes.add(new MarketCompaction.Outcome(IdeaTable.TABLE,
                        lakehouse.table(IdeaTable.TABLE).optimize(parsed.targetBytes(), null)));
            }
            if (outcomes.isEmpty()) {
                out.println("No market or idea tables under " + parsed.dataDir().resolve("lakehouse")
                        + "; nothing to compact");
            }
            for (MarketCompaction.Outcome o : outcomes) {
                OptimizeResult r = o.result();
                out.printf(Locale.ROOT, "%s: %s%n", o.table(), r.committed()
                        ? String.format(Locale.ROOT, "version %d, %,d files (%,d bytes) compacted into %,d in %d partitions",
                                r.version(), r.removedFiles(), r.removedBytes(), r.addedFiles(), r.partitions())
                        : r.skippedConflicts() > 0 ? "skipped after " + r.skippedConflicts() + " conflicting attempts; run again"
                        : "nothing to compact (version " + r.version() + ")");
            }
            return OK;
        } catch (LakehouseException | IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(PREFIX + "failed: " + e.getMessage());
            return FAILED;
        }
    }

    static Arguments arguments(Options o, Map<String, String> env) {
        Path dataDir = o.dataDir != null ? o.dataDir : Path.of(env.getOrDefault("HFTHOT_DATA_DIR", "./data"));
        long targetMb = o.targetMb == null ? MarketCompaction.DEFAULT_TARGET_BYTES >> 20 : targetMb(o.targetMb);
        if (o.symbol != null && !SYMBOL.matcher(o.symbol).matches()) {
            throw new IllegalArgumentException("--symbol '" + o.symbol + "' must match " + SYMBOL.pattern());
        }
        return new Arguments(dataDir, targetMb << 20, o.symbol);
    }

    private static long targetMb(String value) {
        long mb;
        try {
            mb = Long.parseLong(value);
        } catch (NumberFormatException e) {
            mb = -1;
        }
        if (mb < 1 || mb > MAX_TARGET_MB) {
            throw new IllegalArgumentException("--target-mb '" + value + "' must be a whole number of MiB in [1, " + MAX_TARGET_MB + "]");
        }
        return mb;
    }
}
