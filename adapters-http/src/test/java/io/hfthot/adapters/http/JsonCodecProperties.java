package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Numbers survive the codec exactly, in no more digits than the JDK's own shortest form. */
class JsonCodecProperties {
    private static final JsonCodec CODEC = JsonCodec.standard();

    @Property(tries = 2000)
    void everyFiniteDoubleReadsBackToTheSameBits(@ForAll double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        String json = new String(CODEC.encode(value), StandardCharsets.UTF_8);
        assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(json)), json);
        String jdk = Double.toString(value);
        assertTrue(digits(json) <= digits(jdk), json + " has more digits than " + jdk);
    }

    @Property(tries = 500)
    void pricesWithFewDecimalsKeepTheirSpelling(@ForAll long tenths) {
        double price = (tenths % 100_000_000L) / 10.0;
        String json = new String(CODEC.encode(price), StandardCharsets.UTF_8);
        assertEquals(Double.toString(price), json);
    }

    private static int digits(String number) {
        String mantissa = number.split("[eE]")[0];
        return (int) mantissa.chars().filter(Character::isDigit).count();
    }
}
