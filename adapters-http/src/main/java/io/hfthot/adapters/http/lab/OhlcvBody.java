package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Seed 000's OHLCV answer as written on the wire: the engine's {@code OhlcvResponse} with its bars array
 * already encoded by {@link EncodedBars}. Same fields, same order, same spelling.
 *
 * @param symbol    the symbol
 * @param interval  the interval label
 * @param bars      the JSON array of bars
 * @param source    where the bars come from
 * @param latencyMs the engine's time for the request
 */
record OhlcvBody(String symbol, String interval, @JsonSerialize(using = RawJson.class) SerializableString bars,
                 String source, double latencyMs) {

    /** Writes pre-encoded JSON as it is. */
    static final class RawJson extends StdSerializer<SerializableString> {
        RawJson() {
            super(SerializableString.class);
        }

        @Override
        public void serialize(SerializableString value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeRawValue(value);
        }
    }
}
