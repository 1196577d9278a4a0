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
import java.util.Optional;

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
    public static final int USAGE = 2;

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
     * Returns the usage text.
     *
     * @return several lines
     */
    public static String usage() {
        return """
                Usage: java -jar hfthot-server.jar import --interval 1m [options] FILE...
                Loads OHLCV bars from CSV (.csv, .tsv, .txt) or Parquet (.parquet, .pq) files into market.ohlcv.
                  --interval I      bar interval: 1m, 5m, 15m, 1h or 1d (required)
                  --symbol S        symbol of every row (else read from a symbol/ticker/pair column)
                  --data-dir D      server data directory (env HFTHOT_DATA_DIR, default ./data)
                  --delimiter X     CSV separator: comma, semicolon or tab (default: detected from the header)
                  --skip-invalid    skip and report invalid rows instead of refusing the import
                  --skip-existing   skip and report bars already stored instead of refusing the import
                  --progress M      bar, lines or none (default: bar on a terminal, lines otherwise)
                All files are validated first and written in one commit: a refused import writes nothing.
                See docs/importing.md.
                """;
    }

    /**
     * Runs the command with the process's streams and environment (what {@code Main} calls).
     *
     * @param args the arguments after {@code import}
     * @return the exit code
     */
    public static int execute(String[] args) {
        return run(List.of(args), System.getenv(), System.out, System.err);
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

    static Arguments parse(List<String> args, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String symbol = null;
        String interval = null;
        String delimiter = null;
        String progress = null;
        Path dataDir = Path.of(env.getOrDefault("HFTHOT_DATA_DIR", "./data"));
        boolean skipInvalid = false;
        boolean skipExisting = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                files.add(Path.of(arg));
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--" -> optionsEnded = true;
                case "--skip-invalid" -> skipInvalid = true;
                case "--skip-existing" -> skipExisting = true;
                case "--symbol", "--interval", "--data-dir", "--delimiter", "--progress" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--symbol" -> symbol = value;
                        case "--interval" -> interval = value;
                        case "--data-dir" -> dataDir = Path.of(value);
                        case "--delimiter" -> delimiter = value;
                        default -> progress = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (interval == null) {
            throw new IllegalArgumentException("--interval is required (1m, 5m, 15m, 1h or 1d)");
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("name at least one .csv or .parquet file");
        }
        Interval parsedInterval;
        try {
            parsedInterval = Interval.parse(interval);
        } catch (EngineException e) {
            throw new IllegalArgumentException("--interval: " + e.getMessage(), e);
        }
        ImportOptions options = ImportOptions.strict(parsedInterval).withSkipInvalid(skipInvalid)
                .withSkipExisting(skipExisting);
        if (symbol != null) {
            options = options.withSymbol(symbol);
        }
        if (delimiter != null) {
            options = options.withDelimiter(delimiter(delimiter));
        }
        return new Arguments(files, options, dataDir, progress == null ? Optional.empty()
                : Optional.of(progressMode(progress)));
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
