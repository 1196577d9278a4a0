package io.hfthot.engine.imports;

import io.hfthot.engine.market.lakehouse.MarketTables;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.Lakehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports OHLCV bars from CSV and Parquet files into {@code market.ohlcv}.
 *
 * <p>Atomicity: every row of every file is read and validated first, and only then are all bars written in
 * <em>one</em> commit ({@link MarketTables#appendBars}). A refused import (bad row, unreadable file) writes
 * nothing, and readers never see part of an import: the table stays at its previous version. The price is
 * memory: the bars are held in columns until the commit (48 bytes a bar, about 50 MB per million bars).
 *
 * <p>Duplicates: a bar whose symbol, interval and open time are already stored refuses the import, or with
 * {@link ImportOptions#skipExisting()} is skipped and counted. Stored open times are read once per symbol, at
 * its first row. Bad rows refuse the import with an {@link ImportException} naming file, line and field, or
 * with {@link ImportOptions#skipInvalid()} are skipped and counted in the report, never silently.
 *
 * <p>Thread safety: one import at a time per table. The lakehouse commits optimistically, so an import can run
 * next to a server that appends simulated bars; a bar committed after the duplicate check for the same
 * (symbol, interval, ts) is replaced by the imported one, never duplicated ({@link MarketTables#appendBars}
 * upserts).
 */
public final class BarImporter {
    private static final int PROGRESS_EVERY_ROWS = 4096;

    private final Lakehouse lakehouse;
    private final MarketTables tables;

    /**
     * Creates an importer over a lakehouse (the tables are created at the first import that writes).
     *
     * @param lakehouse the lakehouse holding {@code market.ohlcv}
     */
    public BarImporter(Lakehouse lakehouse) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        this.tables = new MarketTables(lakehouse);
    }

    /** The file formats the importer reads. */
    public enum Format {
        /** Comma, semicolon or tab separated text with a header row. */
        CSV,
        /** Apache Parquet. */
        PARQUET;

        /**
         * Tells the format from a file name: {@code .parquet}/{@code .pq} is Parquet; {@code .csv}, {@code .tsv}
         * and {@code .txt} are CSV.
         *
         * @param file the file
         * @return the format
         * @throws ImportException naming the accepted extensions when the name has none of them
         */
        public static Format of(Path file) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".parquet") || name.endsWith(".pq")) {
                return PARQUET;
            }
            if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                return CSV;
            }
            throw new ImportException(file, "has an unknown extension; expected .csv, .tsv, .txt, .parquet or .pq",
                    null);
        }
    }

    /**
     * Imports bars from files, as one commit.
     *
     * @param files    the files, read in this order (for one symbol, they must be in time order)
     * @param options  symbol, interval, delimiter and strictness
     * @param progress progress listener ({@link ImportProgress#NONE} for none)
     * @return counts, time range and the table version after the import
     * @throws ImportException when a row is invalid (without {@code skipInvalid}) or already stored (without
     *                         {@code skipExisting}), or a file cannot be read; nothing is written then
     */
    public ImportReport importFiles(List<Path> files, ImportOptions options, ImportProgress progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must name at least one file");
        }
        long totalBytes = 0;
        for (Path file : files) {
            Format.of(file);
            try {
                totalBytes += Files.size(file);
            } catch (IOException e) {
                throw new ImportException(file, "cannot be read: " + e, e);
            }
        }
        progress.started(totalBytes);
        BarValidator validator = new BarValidator(options, symbol -> storedTimes(symbol, options.interval()));
        List<RowProblem> problems = new ArrayList<>();
        long rowsRead = 0;
        long invalid = 0;
        long existing = 0;
        long bytesBefore = 0;
        for (Path file : files) {
            try (BarSource source = open(file, options)) {
                for (RawBar row = source.next(); row != null; row = source.next()) {
                    rowsRead++;
                    BarValidator.Verdict verdict = validator.accept(file, row);
                    if (verdict != BarValidator.Verdict.ACCEPTED) {
                        boolean skip = verdict == BarValidator.Verdict.INVALID ? options.skipInvalid()
                                : options.skipExisting();
                        if (!skip) {
                            throw new ImportException(validator.lastProblem());
                        }
                        if (verdict == BarValidator.Verdict.INVALID) {
                            invalid++;
                        } else {
                            existing++;
                        }
                        if (problems.size() < ImportReport.MAX_PROBLEMS) {
                            problems.add(validator.lastProblem());
                        }
                    }
                    if (rowsRead % PROGRESS_EVERY_ROWS == 0) {
                        progress.advanced(bytesBefore + source.bytesRead(), rowsRead);
                    }
                }
                bytesBefore += Files.size(file);
                progress.advanced(bytesBefore, rowsRead);
            } catch (IOException e) {
                throw new ImportException(file, "cannot be read: " + e, e);
            }
        }
        return commit(files, options, validator.bars(), rowsRead, invalid, existing, problems, progress);
    }

    private static BarSource open(Path file, ImportOptions options) {
        boolean symbolRequired = options.symbol().isEmpty();
        return Format.of(file) == Format.PARQUET ? ParquetBarSource.open(file, symbolRequired)
                : CsvBarSource.open(file, options.delimiter(), symbolRequired);
    }

    private long[] storedTimes(String symbol, Interval interval) {
        if (!lakehouse.exists(MarketTables.OHLCV)) {
            return new long[0];
        }
        return tables.readAllBars(symbol, interval).time();
    }

    private ImportReport commit(List<Path> files, ImportOptions options, Map<String, SymbolBars> bars, long rowsRead, long invalid,
                                long existing, List<RowProblem> problems, ImportProgress progress) {
        List<BarColumns> parts = new ArrayList<>();
        long rows = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<String> symbols = new ArrayList<>();
        for (Map.Entry<String, SymbolBars> e : bars.entrySet()) {
            SymbolBars b = e.getValue();
            if (b.isEmpty()) {
                continue;
            }
            symbols.add(e.getKey());
            parts.add(b.toColumns(options.interval()));
            rows += b.size();
            first = Math.min(first, b.firstTime());
            last = Math.max(last, b.lastTime());
        }
        progress.committing(rows);
        long version;
        if (rows > 0) {
            tables.createMissing();
            tables.appendBars(parts);
            version = lakehouse.read(MarketTables.OHLCV).version();
        } else {
            version = lakehouse.exists(MarketTables.OHLCV) ? lakehouse.read(MarketTables.OHLCV).version() : -1;
        }
        return new ImportReport(files, symbols, rowsRead, rows, invalid, existing,
                rows > 0 ? Optional.of(Instant.ofEpochMilli(first)) : Optional.empty(),
                rows > 0 ? Optional.of(Instant.ofEpochMilli(last)) : Optional.empty(), version, problems);
    }
}
