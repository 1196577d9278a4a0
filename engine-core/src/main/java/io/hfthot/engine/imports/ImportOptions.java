package io.hfthot.engine.imports;

import io.hfthot.engine.market.Interval;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to import and how strictly.
 *
 * @param symbol        the symbol of every row, or empty to read it from a {@code symbol} column; when both are
 *                      given, a row whose column differs is invalid
 * @param interval      the interval every bar's open time must be aligned to
 * @param delimiter     the CSV field separator ({@code ','}, {@code ';'} or {@code '\t'}), or empty to detect it
 *                      from the header line
 * @param skipInvalid   count and report invalid rows instead of refusing the import
 * @param skipExisting  count and report rows whose open time is already stored instead of refusing the import
 */
public record ImportOptions(Optional<String> symbol, Interval interval, Optional<Character> delimiter,
                            boolean skipInvalid, boolean skipExisting) {
    /** Symbols become partition directory names, so they are kept to a safe alphabet. */
    static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /** Validates the components. */
    public ImportOptions {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(delimiter, "delimiter");
        symbol.ifPresent(s -> {
            if (!SYMBOL.matcher(s).matches()) {
                throw new IllegalArgumentException("symbol must match " + SYMBOL.pattern() + ", got '" + s + "'");
            }
        });
        delimiter.ifPresent(d -> {
            if (d != ',' && d != ';' && d != '\t') {
                throw new IllegalArgumentException("delimiter must be ',', ';' or a tab, got '" + d + "'");
            }
        });
    }

    /**
     * Strict options: a symbol from the files, delimiter detected, any bad or already stored row refuses the
     * import.
     *
     * @param interval the bar interval
     * @return the options
     */
    public static ImportOptions strict(Interval interval) {
        return new ImportOptions(Optional.empty(), interval, Optional.empty(), false, false);
    }

    /**
     * Returns a copy with a fixed symbol.
     *
     * @param value the symbol
     * @return new options
     */
    public ImportOptions withSymbol(String value) {
        return new ImportOptions(Optional.of(value), interval, delimiter, skipInvalid, skipExisting);
    }

    /**
     * Returns a copy with a fixed CSV delimiter.
     *
     * @param value {@code ','}, {@code ';'} or {@code '\t'}
     * @return new options
     */
    public ImportOptions withDelimiter(char value) {
        return new ImportOptions(symbol, interval, Optional.of(value), skipInvalid, skipExisting);
    }

    /**
     * Returns a copy that skips (and counts) invalid rows.
     *
     * @param value whether to skip
     * @return new options
     */
    public ImportOptions withSkipInvalid(boolean value) {
        return new ImportOptions(symbol, interval, delimiter, value, skipExisting);
    }

    /**
     * Returns a copy that skips (and counts) rows already stored.
     *
     * @param value whether to skip
     * @return new options
     */
    public ImportOptions withSkipExisting(boolean value) {
        return new ImportOptions(symbol, interval, delimiter, skipInvalid, value);
    }
}
