package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlTokenizerTest {

    private static List<String> texts(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(SqlToken::text).toList();
    }

    private static List<SqlToken.Kind> kinds(String sql) {
        return SqlTokenizer.tokenize(sql).stream().map(SqlToken::kind).toList();
    }

    @Test
    void splitsWordsPunctuationAndOperators() {
        assertEquals(List.of("SELECT", "a", ".", "b", "::", "DOUBLE", ",", "x", ">=", "1.5e-3", "FROM", "market", ".", "ohlcv", ";"),
                texts("SELECT a.b::DOUBLE, x>=1.5e-3 FROM market.ohlcv;"));
    }

    @Test
    void stringLiteralsAreOneTokenWhateverTheyContain() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("SELECT 'market.ohlcv; -- /* it''s' AS s");
        assertEquals(SqlToken.Kind.STRING, tokens.get(1).kind());
        assertEquals("market.ohlcv; -- /* it's", tokens.get(1).stringValue());
        assertEquals(4, tokens.size());
    }

    @Test
    void escapeAndDollarQuotedStrings() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("SELECT E'a\\'b\\n', $$x ' y$$, $tag$ $$ ; $tag$");
        assertEquals("a'b\n", tokens.get(1).stringValue());
        assertEquals("x ' y", tokens.get(3).stringValue());
        assertEquals(" $$ ; ", tokens.get(5).stringValue());
    }

    @Test
    void quotedIdentifiersKeepDoubledQuotes() {
        assertEquals(List.of(SqlToken.Kind.WORD, SqlToken.Kind.QUOTED_IDENTIFIER, SqlToken.Kind.PUNCTUATION, SqlToken.Kind.QUOTED_IDENTIFIER),
                kinds("FROM \"mar\"\"ket\".\"a;b\""));
    }

    @Test
    void commentsAreSkippedIncludingNestedBlocks() {
        assertEquals(List.of("SELECT", "1", "FROM", "t"), texts("SELECT /* a /* nested ; */ still comment */ 1 -- ; DROP\nFROM t"));
        assertEquals(List.of("a", "-", "b"), texts("a - b -- trailing"));
        assertEquals(List.of("a", "+"), texts("a +-- comment"));
    }

    @Test
    void parametersAreRecognised() {
        assertEquals(List.of(SqlToken.Kind.WORD, SqlToken.Kind.OPERATOR, SqlToken.Kind.PARAMETER, SqlToken.Kind.WORD, SqlToken.Kind.WORD,
                SqlToken.Kind.OPERATOR, SqlToken.Kind.PARAMETER), kinds("a = ? AND b = $1"));
    }

    @Test
    void byteOffsetsCountUtf8() {
        List<SqlToken> tokens = SqlTokenizer.tokenize("'é€😀' x");
        assertEquals(0, tokens.get(0).byteStart());
        assertEquals(1 + 2 + 3 + 4 + 1 + 1, tokens.get(1).byteStart());
        assertEquals(7, tokens.get(1).start());
    }

    @Test
    void unterminatedInputIsAnInvalidQuery() {
        assertThrows(InvalidQueryException.class, () -> SqlTokenizer.tokenize("SELECT 'abc"));
        assertThrows(InvalidQueryException.class, () -> SqlTokenizer.tokenize("SELECT \"abc"));
        assertThrows(InvalidQueryException.class, () -> SqlTokenizer.tokenize("SELECT 1 /* /* */"));
        assertThrows(InvalidQueryException.class, () -> SqlTokenizer.tokenize("SELECT $a$ x"));
    }
}
