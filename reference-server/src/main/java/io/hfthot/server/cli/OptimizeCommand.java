package io.hfthot.server.cli;

import io.hfthot.engine.market.lakehouse.MarketCompaction;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.OptimizeResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code java -jar hfthot-server.jar optimize}: compacts the market tables now (the server also does it on a
 * schedule). Safe while the server runs: compaction commits optimistically and never changes a row.
 *
 * <p>Exit codes: 0 done (also when there was nothing to compact), 1 failed, 2 bad arguments.
 */
public final class OptimizeCommand {
    /** Exit code of a completed run. */
    public static final int OK = 0;
    /** Exit code of a failed run. */
    public static final int FAILED = 1;
    /** Exit code of bad arguments. */
    public static final int USAGE = 2;

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
     * Returns the usage text.
     *
     * @return several lines
     */
    public static String usage() {
        return """
                Usage: java -jar hfthot-server.jar optimize [options]
                Compacts small files of market.ohlcv and market.ticks (OPTIMIZE: no row changes; safe while the server runs).
                  --data-dir D      server data directory (env HFTHOT_DATA_DIR, default ./data)
                  --target-mb N     target size of a compacted file in MiB (default 16)
                  --symbol S        only this symbol's partitions
                See docs/lakehouse.md.
                """;
    }

    /**
     * Runs the command with the process's streams and environment (what {@code Main} calls).
     *
     * @param args the arguments after {@code optimize}
     * @return the exit code
     */
    public static int execute(String[] args) {
        return run(List.of(args), System.getenv(), System.out, System.err);
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
        if (args.contains("--help") || args.contains("-h")) {
            out.print(usage());
            return OK;
        }
        Arguments parsed;
        try {
            parsed = parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            err.print(usage());
            return USAGE;
        }
        try {
            Lakehouse lakehouse = Lakehouse.open(parsed.dataDir().resolve("lakehouse"));
            List<MarketCompaction.Outcome> outcomes = MarketCompaction.runOnce(lakehouse, parsed.targetBytes(), parsed.symbol());
            if (outcomes.isEmpty()) {
                out.println("No market tables under " + parsed.dataDir().resolve("lakehouse") + "; nothing to compact");
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

    static Arguments parse(List<String> args, Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("HFTHOT_DATA_DIR", "./data"));
        long targetMb = MarketCompaction.DEFAULT_TARGET_BYTES >> 20;
        String symbol = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!List.of("--data-dir", "--target-mb", "--symbol").contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; accepted: --data-dir, --target-mb, --symbol");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--target-mb" -> targetMb = targetMb(value);
                default -> {
                    if (!SYMBOL.matcher(value).matches()) {
                        throw new IllegalArgumentException("--symbol '" + value + "' must match " + SYMBOL.pattern());
                    }
                    symbol = value;
                }
            }
        }
        return new Arguments(dataDir, targetMb << 20, symbol);
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
