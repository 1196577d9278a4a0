package io.hfthot.server.cli;

import io.hfthot.engine.EngineException;

import io.hfthot.engine.imports.BarImporter;
import io.hfthot.engine.imports.ImportException;
import io.hfthot.engine.imports.ImportOptions;
import io.hfthot.engine.imports.ImportReport;
import io.hfthot.engine.imports.RowProblem;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar hfthot-server.jar import}: loads OHLCV bars from CSV or Parquet files into the server's
 * {@code market.ohlcv} table (under {@code <data-dir>/lakehouse}, where the server reads it), with a progress
 * bar on stderr and a summary on stdout.
 *
 * <p>Exit codes: 0 imported (possibly with skipped rows, which are listed), 1 refused (nothing written),
 * 2 bad arguments.
 */
public final class ImportCommand {
    /** Exit code of a successful import. */
    public static final int OK = 0;
    /** Exit code of a refused import: a bad row, an unreadable file; nothing was written. */
    public static final int REFUSED = 1;
    /** Exit code of bad arguments. */
    public static final int USAGE = CliMessages.USAGE_EXIT;

    private static final String PREFIX = "hfthot-server import: ";

    private ImportCommand() {
    }

    /**
     * The parsed command line.
     *
     * @param files    input files, in order
     * @param options  importer options
     * @param dataDir  the server's data directory
     * @param progress how to show progress, empty for automatic (a bar on a terminal, lines otherwise)
     */
    record Arguments(List<Path> files, ImportOptions options, Path dataDir, Optional<ProgressBar.Mode> progress) {
    }

    /**
     * The command line of {@code import}, parsed by picocli (as a subcommand of the server's command line, or by
     * {@link #run(List, Map, PrintStream, PrintStream)}).
     */
    @Command(name = "import", sortOptions = false, usageHelpWidth = 120,
            customSynopsis = "java -jar hfthot-server.jar import --interval 1m [options] FILE...",
            description = "Loads OHLCV bars from CSV (.csv, .tsv, .txt) or Parquet (.parquet, .pq) files into market.ohlcv.",
            footer = {"All files are validated first and written in one commit: a refused import writes nothing.",
                    "Exit codes: 0 imported, 1 refused (nothing written), 2 bad arguments. See docs/importing.md."})
    public static final class Options {
        @Option(names = "--interval", paramLabel = "I", required = true,
                description = "bar interval: 1m, 5m, 15m, 1h or 1d (required)")
        String interval;
        @Option(names = "--symbol", paramLabel = "S", description = "symbol of every row (else read from a symbol/ticker/pair column)")
        String symbol;
        @Option(names = "--data-dir", paramLabel = "D", description = "server data directory (env HFTHOT_DATA_DIR, default ./data)")
        Path dataDir;
        @Option(names = "--delimiter", paramLabel = "X", description = "CSV separator: comma, semicolon or tab (default: detected from the header)")
        String delimiter;
        @Option(names = "--skip-invalid", description = "skip and report invalid rows instead of refusing the import")
        boolean skipInvalid;
        @Option(names = "--skip-existing", description = "skip and report bars already stored instead of refusing the import")
        boolean skipExisting;
        @Option(names = "--progress", paramLabel = "M", description = "bar, lines or none (default: bar on a terminal, lines otherwise)")
        String progress;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
        @Parameters(paramLabel = "FILE", arity = "0..*", description = "input files, in order")
        List<Path> files = new ArrayList<>();
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
     * @param args the arguments after {@code import}
     * @param env  environment variables ({@code HFTHOT_DATA_DIR})
     * @param out  where the summary goes
     * @param err  where progress, skipped rows and errors go
     * @return {@link #OK}, {@link #REFUSED} or {@link #USAGE}
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
     * @param err     where progress, skipped rows and errors go
     * @return {@link #OK}, {@link #REFUSED} or {@link #USAGE}
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
        ProgressBar.Mode mode = parsed.progress().orElseGet(
                () -> stderrIsTerminal() ? ProgressBar.Mode.BAR : ProgressBar.Mode.LINES);
        long start = System.nanoTime();
        ImportReport report;
        ProgressBar bar = new ProgressBar(err, mode, System::nanoTime);
        try {
            Lakehouse lakehouse = Lakehouse.open(parsed.dataDir().resolve("lakehouse"));
            report = new BarImporter(lakehouse).importFiles(parsed.files(), parsed.options(), bar);
        } catch (ImportException | LakehouseException e) {
            bar.abandon();
            err.println(PREFIX + "refused, nothing written: " + e.getMessage());
            return REFUSED;
        }
        printSummary(report, parsed, (System.nanoTime() - start) / 1e9, out, err);
        return OK;
    }

    private static void printSummary(ImportReport report, Arguments parsed, double seconds, PrintStream out,
                                     PrintStream err) {
        for (RowProblem p : report.problems()) {
            err.println("skipped " + p.describe());
        }
        if (report.rowsSkipped() > report.problems().size()) {
            err.printf(Locale.ROOT, "... and %,d more skipped rows%n", report.rowsSkipped() - report.problems().size());
        }
        int files = report.files().size();
        out.printf(Locale.ROOT, "Imported %,d bars (%s, %s) from %d file%s in %.1f s%n", report.rowsImported(),
                report.symbols().isEmpty() ? "no symbol" : String.join(", ", report.symbols()),
                parsed.options().interval().label(), files, files == 1 ? "" : "s", seconds);
        out.printf(Locale.ROOT, "  rows read:   %,d%n", report.rowsRead());
        out.printf(Locale.ROOT, "  skipped:     %,d invalid, %,d already stored%n", report.rowsInvalid(),
                report.rowsExisting());
        out.println("  time range:  " + report.firstBar().map(Object::toString).orElse("-") + " .. "
                + report.lastBar().map(Object::toString).orElse("-"));
        out.println("  table:       market.ohlcv " + (report.tableVersion() < 0 ? "(not created)"
                : "version " + report.tableVersion()) + " in " + parsed.dataDir().resolve("lakehouse"));
        out.flush();
    }

    static Arguments arguments(Options o, Map<String, String> env) {
        if (o.files.isEmpty()) {
            throw new IllegalArgumentException("name at least one .csv or .parquet file");
        }
        List<Path> files = List.copyOf(o.files);
        String interval = o.interval;
        Path dataDir = o.dataDir != null ? o.dataDir : Path.of(env.getOrDefault("HFTHOT_DATA_DIR", "./data"));
        Interval parsedInterval;
        try {
            parsedInterval = Interval.parse(interval);
        } catch (EngineException e) {
            throw new IllegalArgumentException("--interval: " + e.getMessage(), e);
        }
        ImportOptions options = ImportOptions.strict(parsedInterval).withSkipInvalid(o.skipInvalid)
                .withSkipExisting(o.skipExisting);
        if (o.symbol != null) {
            options = options.withSymbol(o.symbol);
        }
        if (o.delimiter != null) {
            options = options.withDelimiter(delimiter(o.delimiter));
        }
        return new Arguments(files, options, dataDir, o.progress == null ? Optional.empty()
                : Optional.of(progressMode(o.progress)));
    }

    private static char delimiter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "\\t", "tab" -> '\t';
            default -> throw new IllegalArgumentException("--delimiter must be comma, semicolon or tab, got '"
                    + text + "'");
        };
    }

    private static ProgressBar.Mode progressMode(String text) {
        try {
            return ProgressBar.Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--progress must be bar, lines or none, got '" + text + "'", e);
        }
    }

    /**
     * Tells whether stderr is probably a terminal. Java cannot ask about stderr alone: {@link System#console()}
     * is non-null when the process is interactive (JDK 17-21), and JDK 22+ returns a console even when
     * redirected but adds {@code Console.isTerminal()}, called reflectively because the build targets 17.
     */
    private static boolean stderrIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
