package io.hfthot.engine.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads bars from a UTF-8 CSV file with a header row, through FastCSV (RFC 4180 quoting, CRLF or LF).
 *
 * <p>The delimiter is {@code ','}, {@code ';'} or a tab; unless given, it is the one of the three that occurs
 * most often in the header line outside quotes (FastCSV has no detection of its own; a header is short, so
 * counting its characters is enough).
 */
final class CsvBarSource implements BarSource {
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final Path file;
    private final CountingInputStream counter;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final Columns columns;

    private CsvBarSource(Path file, CountingInputStream counter, CsvReader<CsvRecord> reader, Columns columns) {
        this.file = file;
        this.counter = counter;
        this.reader = reader;
        this.records = reader.iterator();
        this.columns = columns;
    }

    /**
     * Opens a file and maps its header.
     *
     * @param file           the file
     * @param delimiter      the separator, or empty to detect it
     * @param symbolRequired whether a symbol column is required
     * @return the source, positioned at the first data row
     * @throws ImportException when the file cannot be read, is empty or its header lacks a field
     */
    static CsvBarSource open(Path file, Optional<Character> delimiter, boolean symbolRequired) {
        try {
            char separator = delimiter.isPresent() ? delimiter.get() : detectDelimiter(file);
            CountingInputStream counter = new CountingInputStream(Files.newInputStream(file));
            CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true).ofCsvRecord(counter, StandardCharsets.UTF_8);
            try {
                Iterator<CsvRecord> it = reader.iterator();
                if (!it.hasNext()) {
                    throw new ImportException(file, "is empty; expected a header row such as "
                            + "ts,open,high,low,close,volume", null);
                }
                Columns columns = Columns.map(file, it.next().getFields(), symbolRequired);
                return new CsvBarSource(file, counter, reader, columns);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException e) {
            throw new ImportException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static char detectDelimiter(Path file) throws IOException {
        String header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = in.readLine();
        }
        if (header == null) {
            return ',';
        }
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            for (int d = 0; d < DELIMITERS.length && !quoted; d++) {
                counts[d] += c == DELIMITERS[d] ? 1 : 0;
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            best = counts[d] > counts[best] ? d : best;
        }
        return DELIMITERS[best];
    }

    @Override
    public RawBar next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord r = records.next();
            return new RawBar(r.getStartingLineNumber(), field(r, Columns.Role.TS), field(r, Columns.Role.OPEN),
                    field(r, Columns.Role.HIGH), field(r, Columns.Role.LOW), field(r, Columns.Role.CLOSE),
                    field(r, Columns.Role.VOLUME), field(r, Columns.Role.SYMBOL));
        } catch (CsvParseException | UncheckedIOException e) {
            // An unterminated quote or an I/O error: the rest of the file cannot be split reliably.
            throw new ImportException(file, "cannot be parsed as CSV: " + e.getMessage(), e);
        }
    }

    private String field(CsvRecord r, Columns.Role role) {
        int at = columns.indexOf(role);
        return at < 0 || at >= r.getFieldCount() ? null : r.getField(at);
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
