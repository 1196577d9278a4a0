package io.hfthot.lakehouse.duckdb.internal;

import java.util.Locale;

/**
 * One significant token of a SQL text (whitespace and comments are not tokens).
 *
 * @param kind      what the token is
 * @param text      the token's source text, quotes included
 * @param start     offset of the first char in the SQL string
 * @param end       offset after the last char
 * @param byteStart UTF-8 byte offset of the first char (DuckDB's parser reports locations in bytes)
 */
public record SqlToken(Kind kind, String text, int start, int end, int byteStart) {

    /** Token kinds. */
    public enum Kind {
        /** An unquoted word: identifier or keyword. */
        WORD,
        /** A double-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A string literal: {@code '...'}, {@code E'...'} or dollar-quoted. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** A prepared-statement parameter: {@code ?}, {@code $1}. */
        PARAMETER,
        /** A punctuation mark: {@code ( ) [ ] { } , ; .}. */
        PUNCTUATION,
        /** An operator made of operator characters, e.g. {@code ::}, {@code >=}, {@code ||}. */
        OPERATOR
    }

    /** {@code true} for an unquoted word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** {@code true} for the punctuation mark {@code mark}. */
    public boolean isPunctuation(char mark) {
        return kind == Kind.PUNCTUATION && text.length() == 1 && text.charAt(0) == mark;
    }

    /** {@code true} for a word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** The upper-cased text of a word, for keyword comparisons. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The value of a string literal: quotes removed and escapes resolved. */
    public String stringValue() {
        if (kind != Kind.STRING) {
            throw new IllegalStateException("not a string literal: " + text);
        }
        return SqlTokenizer.unquoteString(text);
    }
}
