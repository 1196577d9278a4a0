package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way DuckDB's (PostgreSQL-derived) lexer does for the parts that matter to
 * the sandbox: string literals ({@code '...'} with {@code ''}, {@code E'...'} with backslash escapes,
 * {@code $tag$...$tag$}), quoted identifiers ({@code "..."} with {@code ""}), line comments ({@code --}) and
 * nested block comments. Hand-written because no Java library tokenizes DuckDB's dialect, and a regular
 * expression over raw SQL cannot tell {@code market.ohlcv} from {@code 'market.ohlcv'}.
 */
public final class SqlTokenizer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    private final String sql;
    private final int[] byteOffsets;
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
        this.byteOffsets = utf8Offsets(sql);
    }

    /**
     * Tokenizes {@code sql}.
     *
     * @throws InvalidQueryException for an unterminated string, identifier or comment
     */
    public static List<SqlToken> tokenize(String sql) {
        return new SqlTokenizer(sql).run();
    }

    /**
     * The UTF-8 byte offset of every char index of {@code s} (length {@code s.length() + 1}).
     */
    static int[] utf8Offsets(String s) {
        int[] offsets = new int[s.length() + 1];
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            offsets[i] = bytes;
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
            } else if (Character.isLowSurrogate(c)) {
                bytes += 0;
            } else {
                bytes += 3;
            }
        }
        offsets[s.length()] = bytes;
        return offsets;
    }

    private List<SqlToken> run() {
        List<SqlToken> tokens = new ArrayList<>();
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                tokens.add(quoted(SqlToken.Kind.STRING, pos, pos + 1, '\'', true));
            } else if (c == '\'') {
                tokens.add(quoted(SqlToken.Kind.STRING, pos, pos, '\'', false));
            } else if (c == '"') {
                tokens.add(quoted(SqlToken.Kind.QUOTED_IDENTIFIER, pos, pos, '"', false));
            } else if (c == '$' && isDigit(peek(1))) {
                int start = pos;
                pos++;
                while (pos < n && isDigit(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(token(SqlToken.Kind.PARAMETER, start));
            } else if (c == '$' && dollarTagEnd(pos) > 0) {
                tokens.add(dollarQuoted());
            } else if (isIdentifierStart(c)) {
                int start = pos;
                while (pos < n && isIdentifierPart(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(token(SqlToken.Kind.WORD, start));
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                tokens.add(number());
            } else if ("()[]{},;.".indexOf(c) >= 0) {
                pos++;
                tokens.add(token(SqlToken.Kind.PUNCTUATION, pos - 1));
            } else if (c == '?' && !isOperatorChar(peek(1))) {
                pos++;
                tokens.add(token(SqlToken.Kind.PARAMETER, pos - 1));
            } else if (isOperatorChar(c)) {
                int start = pos;
                // Stop before a comment start so "a--b" and "a/*x*/" split as the lexer does.
                while (pos < n && isOperatorChar(sql.charAt(pos)) && !startsComment(pos, start)) {
                    pos++;
                }
                tokens.add(token(SqlToken.Kind.OPERATOR, start));
            } else {
                // Any other character is a token of its own; DuckDB's parser will judge it.
                pos++;
                tokens.add(token(SqlToken.Kind.OPERATOR, pos - 1));
            }
        }
        return tokens;
    }

    private boolean startsComment(int at, int tokenStart) {
        if (at == tokenStart) {
            return false;
        }
        char c = sql.charAt(at);
        char next = at + 1 < sql.length() ? sql.charAt(at + 1) : 0;
        return (c == '-' && next == '-') || (c == '/' && next == '*');
    }

    private SqlToken token(SqlToken.Kind kind, int start) {
        return new SqlToken(kind, sql.substring(start, pos), start, pos, byteOffsets[start]);
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < sql.length() ? sql.charAt(at) : 0;
    }

    private void skipLineComment() {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw new InvalidQueryException("unterminated /* comment starting at offset " + start);
    }

    private SqlToken quoted(SqlToken.Kind kind, int start, int quoteAt, char quote, boolean backslashEscapes) {
        pos = quoteAt + 1;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return token(kind, start);
                }
            } else {
                pos++;
            }
        }
        String what = kind == SqlToken.Kind.STRING ? "string literal" : "quoted identifier";
        throw new InvalidQueryException("unterminated " + what + " starting at offset " + start);
    }

    /** The index after the closing {@code $} of a dollar-quote tag starting at {@code at}, or -1. */
    private int dollarTagEnd(int at) {
        int i = at + 1;
        while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            return i + 1;
        }
        return -1;
    }

    private SqlToken dollarQuoted() {
        int start = pos;
        int tagEnd = dollarTagEnd(pos);
        String tag = sql.substring(start, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        if (close < 0) {
            throw new InvalidQueryException("unterminated dollar-quoted string " + tag + " starting at offset " + start);
        }
        pos = close + tag.length();
        return token(SqlToken.Kind.STRING, start);
    }

    private SqlToken number() {
        int start = pos;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (isDigit(c) || c == '_' || Character.isLetter(c) && c < 0x80) {
                boolean exponentSign = (c == 'e' || c == 'E') && (peek(1) == '+' || peek(1) == '-');
                pos += exponentSign ? 2 : 1;
            } else if (c == '.' && isDigit(peek(1))) {
                pos++;
            } else if (c == '.' && pos > start && !isIdentifierStart(peek(1)) && peek(1) != '.') {
                pos++; // "1." is a number
            } else {
                break;
            }
        }
        return token(SqlToken.Kind.NUMBER, start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c) || c >= 0x80 && !Character.isWhitespace(c);
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isOperatorChar(char c) {
        return c != 0 && OPERATOR_CHARS.indexOf(c) >= 0;
    }

    /** The value of a string literal token: quotes removed, doubled quotes and E-string escapes resolved. */
    static String unquoteString(String text) {
        if (text.startsWith("$")) {
            int tagEnd = text.indexOf('$', 1) + 1;
            return text.substring(tagEnd, text.length() - tagEnd);
        }
        boolean escape = text.charAt(0) == 'e' || text.charAt(0) == 'E';
        String body = text.substring(escape ? 2 : 1, text.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                out.append('\'');
                i++;
            } else if (escape && c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
