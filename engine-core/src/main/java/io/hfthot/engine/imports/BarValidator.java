package io.hfthot.engine.imports;

import io.hfthot.engine.market.Interval;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks raw rows one by one and collects the good ones per symbol.
 *
 * <p>Rules, in the order they are checked (the first failure names the field): the symbol matches
 * {@code [A-Za-z0-9._-]{1,32}} and, when a symbol was given, equals it; the time parses
 * ({@link Timestamps}) and is aligned to the interval; open, high, low, close and volume are finite decimal
 * numbers; volume is not negative; {@code low <= min(open, close)} and {@code high >= max(open, close)}; the
 * time is strictly after the symbol's previous accepted bar in this import (files are read in the order
 * given, so they must be in time order too); the time is not already stored.
 */
final class BarValidator {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Why a row was not accepted. */
    enum Verdict {
        /** Accepted. */
        ACCEPTED,
        /** Invalid; see the problem. */
        INVALID,
        /** Already stored; see the problem. */
        EXISTING
    }

    private final ImportOptions options;
    private final Function<String, long[]> storedTimes;
    private final Map<String, SymbolBars> bySymbol = new TreeMap<>();
    private RowProblem lastProblem;

    /**
     * Creates a validator.
     *
     * @param options     the import options
     * @param storedTimes the sorted open times already stored for a symbol (at the options' interval)
     */
    BarValidator(ImportOptions options, Function<String, long[]> storedTimes) {
        this.options = options;
        this.storedTimes = storedTimes;
    }

    /** The bars collected so far, by symbol. */
    Map<String, SymbolBars> bars() {
        return bySymbol;
    }

    /** The problem of the last row that was not accepted. */
    RowProblem lastProblem() {
        return lastProblem;
    }

    /**
     * Checks one row and collects it when it is good.
     *
     * @param file the file it came from
     * @param row  the row
     * @return the verdict; for anything but {@link Verdict#ACCEPTED}, {@link #lastProblem()} says why
     */
    Verdict accept(Path file, RawBar row) {
        try {
            String symbol = symbol(row.symbol());
            long ts = time(row.ts());
            double open = number("open", row.open());
            double high = number("high", row.high());
            double low = number("low", row.low());
            double close = number("close", row.close());
            double volume = number("volume", row.volume());
            if (volume < 0) {
                throw new FieldException("volume", row.volume(), "must be >= 0");
            }
            if (low > Math.min(open, close)) {
                throw new FieldException("low", row.low(), "must be <= min(open, close) = " + Math.min(open, close));
            }
            if (high < Math.max(open, close)) {
                throw new FieldException("high", row.high(), "must be >= max(open, close) = " + Math.max(open, close));
            }
            SymbolBars bars = bySymbol.computeIfAbsent(symbol, s -> new SymbolBars(s, storedTimes.apply(s)));
            if (!bars.isEmpty() && ts <= bars.lastTime()) {
                throw new FieldException("ts", row.ts(), "must be after the previous " + symbol + " bar at "
                        + Instant.ofEpochMilli(bars.lastTime()) + " (" + bars.lastPlace()
                        + "); bars must be in strictly increasing time, files in time order");
            }
            if (bars.isStored(ts)) {
                lastProblem = new RowProblem(file, row.line(), "ts", String.valueOf(row.ts()), "a " + symbol + " "
                        + options.interval().label() + " bar at " + Instant.ofEpochMilli(ts)
                        + " is already stored (use skip-existing to skip such rows)");
                return Verdict.EXISTING;
            }
            bars.add(ts, open, high, low, close, volume, file, row.line());
            return Verdict.ACCEPTED;
        } catch (FieldException e) {
            lastProblem = new RowProblem(file, row.line(), e.field, e.value == null ? "" : String.valueOf(e.value),
                    e.getMessage());
            return Verdict.INVALID;
        }
    }

    private String symbol(Object value) {
        Optional<String> given = options.symbol();
        if (value == null) {
            if (given.isPresent()) {
                return given.get();
            }
            throw new FieldException("symbol", null, "is missing");
        }
        String text = String.valueOf(value).trim();
        if (!ImportOptions.SYMBOL.matcher(text).matches()) {
            throw new FieldException("symbol", value, "must match " + ImportOptions.SYMBOL.pattern());
        }
        if (given.isPresent() && !given.get().equals(text)) {
            throw new FieldException("symbol", value, "differs from the symbol given, " + given.get());
        }
        return text;
    }

    private long time(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new FieldException("ts", value, "is missing; expected " + Timestamps.ACCEPTED);
        }
        long ts;
        try {
            ts = Timestamps.toEpochMillis(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new FieldException("ts", value, e.getMessage());
        }
        Interval interval = options.interval();
        if (interval.bucketStart(ts) != ts) {
            throw new FieldException("ts", value, Instant.ofEpochMilli(ts) + " is not aligned to " + interval.label()
                    + "; a bar's open time must be a multiple of " + interval.millis() + " ms since the epoch");
        }
        return ts;
    }

    private static double number(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new FieldException(field, value, "is missing; expected a finite decimal number");
        }
        double v;
        if (value instanceof Number n) {
            v = n.doubleValue();
        } else {
            String text = String.valueOf(value).trim();
            if (!NUMBER.matcher(text).matches()) {
                throw new FieldException(field, value, "is not a decimal number such as 42350.5 or 1.2e-3");
            }
            v = Double.parseDouble(text);
        }
        if (!Double.isFinite(v)) {
            throw new FieldException(field, value, "must be a finite number");
        }
        return v;
    }

    /** A field that failed a check; turned into a {@link RowProblem} by {@link #accept}. */
    private static final class FieldException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final transient Object value;

        FieldException(String field, Object value, String reason) {
            super(reason, null, false, false);
            this.field = field;
            this.value = value;
        }
    }
}
