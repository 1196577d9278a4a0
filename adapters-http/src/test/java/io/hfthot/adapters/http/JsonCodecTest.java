package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
    /** A request body in the seeds' snake_case. */
    record BotParams(double spreadOffset, Integer orderSize, Boolean isRunning) {
        BotParams {
            if (orderSize != null) {
                Validation.require(orderSize > 0, "order_size", orderSize, "an integer > 0");
            }
        }
    }

    record Stamp(Instant at) {
    }

    private final JsonCodec codec = JsonCodec.standard();

    private BotParams decode(String json) {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8), BotParams.class);
    }

    @Test
    void recordsRoundTripInSnakeCase() {
        BotParams p = decode("{\"spread_offset\":0.02,\"order_size\":20,\"is_running\":true}");
        assertEquals(new BotParams(0.02, 20, true), p);
        assertEquals("{\"spread_offset\":0.02,\"order_size\":20,\"is_running\":true}", codec.encodeToString(p));
        assertEquals("{\"at\":\"2026-01-19T14:30:00Z\"}", codec.encodeToString(new Stamp(Instant.parse("2026-01-19T14:30:00Z"))));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ApiException e = assertThrows(ApiException.class, () -> decode("{\n  \"spread_offset\": 0.02,\n  oops\n}"));
        assertEquals(ErrorKind.INVALID_PARAMS, e.kind());
        assertTrue(e.getMessage().startsWith("malformed JSON at line 3, column"), e.getMessage());
    }

    @Test
    void unknownFieldsAreRejectedListingTheAcceptedOnes() {
        ApiException e = assertThrows(ApiException.class, () -> decode("{\"spread_offset\":0.1,\"spread\":1}"));
        assertEquals("unknown field 'spread'; accepted fields: [is_running, order_size, spread_offset]", e.getMessage());
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        ApiException e = assertThrows(ApiException.class, () -> decode("{\"order_size\":\"many\"}"));
        assertEquals("field 'order_size' has invalid value 'many'; expected an integer", e.getMessage());
        ApiException prim = assertThrows(ApiException.class, () -> decode("{\"spread_offset\":null}"));
        assertTrue(prim.getMessage().contains("'spread_offset'"), prim.getMessage());
    }

    @Test
    void recordValidationFailuresKeepTheirMessage() {
        ApiException e = assertThrows(ApiException.class, () -> decode("{\"spread_offset\":0.1,\"order_size\":-3}"));
        assertEquals("field 'order_size' = -3 is not accepted; expected an integer > 0", e.getMessage());
    }

    @Test
    void emptyAndNonObjectBodiesAreExplained() {
        assertEquals("request body is empty; expected a JSON object",
                assertThrows(ApiException.class, () -> decode("")).getMessage());
        assertTrue(assertThrows(ApiException.class, () -> decode("[1,2]")).getMessage()
                .startsWith("request body has the wrong JSON type; expected an object"));
    }
}
