package io.hfthot.lakehouse.duckdb.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the tokenizer over generated text. */
class SqlTokenizerProperties {

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("ab.;'\"-/*$ \né€😀").ofMaxLength(40);
    }

    @Property(tries = 300, seed = "20261121")
    void anyTextQuotedAsALiteralIsOneStringTokenWithThatValue(@ForAll("anyText") String text) {
        String sql = "SELECT '" + text.replace("'", "''") + "' FROM market.ohlcv";
        List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
        assertEquals(6, tokens.size(), sql);
        assertEquals(SqlToken.Kind.STRING, tokens.get(1).kind());
        assertEquals(text, tokens.get(1).stringValue());
        assertEquals("market", tokens.get(3).text());
    }

    @Property(tries = 300, seed = "20261121")
    void anyTextInsideABlockCommentProducesNoTokens(@ForAll("anyText") String text) {
        String body = text.replace("*/", "* /").replace("/*", "/ *");
        if (body.endsWith("/") || body.endsWith("*")) {
            body = body + " ";
        }
        List<SqlToken> tokens = SqlTokenizer.tokenize("SELECT 1 /*" + body + "*/ FROM t");
        assertEquals(List.of("SELECT", "1", "FROM", "t"), tokens.stream().map(SqlToken::text).toList());
    }

    @Property(tries = 300, seed = "20261121")
    void tokensAreOrderedNonOverlappingSlicesOfTheInput(@ForAll("sqlish") String sql) {
        List<SqlToken> tokens;
        try {
            tokens = SqlTokenizer.tokenize(sql);
        } catch (io.hfthot.lakehouse.duckdb.InvalidQueryException unterminated) {
            return; // unbalanced quotes or comments are refused, never mis-split
        }
        int[] bytes = SqlTokenizer.utf8Offsets(sql);
        int previousEnd = 0;
        for (SqlToken token : tokens) {
            assertTrue(token.start() >= previousEnd, sql);
            assertEquals(sql.substring(token.start(), token.end()), token.text());
            assertEquals(bytes[token.start()], token.byteStart());
            assertTrue(sql.substring(previousEnd, token.start()).isBlank() || gapIsComment(sql.substring(previousEnd, token.start())), sql);
            previousEnd = token.end();
        }
    }

    @Provide
    Arbitrary<String> sqlish() {
        Arbitrary<String> pieces = Arbitraries.of("SELECT", " ", "market", ".", "ohlcv", "'a''b'", "\"q\"", "--c\n", "/*x*/", ";",
                "1.5", "::", ">=", "é", "😀", "$$d$$", "E'\\''", "(", ")", ",");
        return pieces.list().ofMaxSize(25).map(list -> String.join("", list));
    }

    private static boolean gapIsComment(String gap) {
        String trimmed = gap.strip();
        return trimmed.startsWith("--") || trimmed.startsWith("/*");
    }
}
