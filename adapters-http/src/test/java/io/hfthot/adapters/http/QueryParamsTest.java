package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
    @Test
    void decodesRepeatedAndEncodedValues() {
        QueryParams q = QueryParams.parse("symbol=BTC-USDT&tag=a&tag=b%20c&empty=&flag");
        assertEquals("BTC-USDT", q.requiredString("symbol"));
        assertEquals(List.of("a", "b c"), q.all("tag"));
        assertEquals("", q.first("flag").orElseThrow());
    }

    @Test
    void emptyPairsAreSkippedAndRepeatedNamesKeepTheirOrder() {
        QueryParams q = QueryParams.parse("&&a=1&&a=2&b&=v&a=3=4&");
        assertEquals(List.of("1", "2", "3=4"), q.all("a"));
        assertEquals(List.of(""), q.all("b"));
        assertEquals(List.of("v"), q.all(""));
        assertEquals(List.of("a", "b", ""), List.copyOf(q.asMap().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> q.all("a").add("5"));
    }

    @Test
    void plusIsASpaceAndEscapesAreDecodedInNamesAndValues() {
        QueryParams q = QueryParams.parse("sql=SELECT+1%2B1&a%5Fb=x&plain=BTC-USDT");
        assertEquals("SELECT 1+1", q.requiredString("sql"));
        assertEquals("x", q.requiredString("a_b"));
        assertEquals("BTC-USDT", q.requiredString("plain"));
        ApiException bad = assertThrows(ApiException.class, () -> QueryParams.parse("sql=50%"));
        assertEquals(ErrorKind.INVALID_PARAMS, bad.kind());
    }

    @Test
    void errorsNameTheParameterTheValueAndTheAcceptedRange() {
        QueryParams q = QueryParams.parse("limit=abc&poll_seconds=12&interval=2m");
        ApiException notInt = assertThrows(ApiException.class, () -> q.optionalInt("limit", 500, 1, 5000));
        assertEquals(ErrorKind.INVALID_PARAMS, notInt.kind());
        assertEquals("query parameter 'limit' = 'abc' is not an integer; expected an integer in [1, 5000]",
                notInt.getMessage());
        ApiException range = assertThrows(ApiException.class, () -> q.optionalDouble("poll_seconds", 2, 1.0, 10.0));
        assertEquals("query parameter 'poll_seconds' = 12 is out of range; expected [1.0, 10.0]", range.getMessage());
        ApiException oneOf = assertThrows(ApiException.class,
                () -> q.requiredOneOf("interval", Set.of("1m", "5m", "15m", "1h", "1d")));
        assertTrue(oneOf.getMessage().contains("'2m'") && oneOf.getMessage().contains("[15m, 1d, 1h, 1m, 5m]"),
                oneOf.getMessage());
        ApiException missing = assertThrows(ApiException.class, () -> q.requiredString("symbol"));
        assertEquals("query parameter 'symbol' is required", missing.getMessage());
    }

    @Test
    void defaultsApplyOnlyWhenAbsent() {
        QueryParams q = QueryParams.parse("");
        assertEquals(500, q.optionalInt("limit", 500, 1, 5000));
        assertEquals(2.0, q.optionalDouble("poll_seconds", 2.0, 1.0, 10.0));
        assertEquals(true, q.optionalBoolean("x", true));
        assertThrows(ApiException.class, () -> QueryParams.parse("x=nope").optionalBoolean("x", true));
        assertThrows(ApiException.class, () -> QueryParams.parse("x=NaN").optionalDouble("x", 1, 0, 2));
    }

    @Test
    void malformedEncodingIsABadRequest() {
        assertThrows(ApiException.class, () -> QueryParams.parse("a=%zz"));
    }
}
