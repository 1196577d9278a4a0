package io.hfthot.adapters.http.marketmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.engine.market.BookLevel;
import io.hfthot.engine.marketmaker.TradeData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The stream's own writer ({@link TradeDataJson}) is byte for byte the house codec's encoding of the same message
 * (the independent implementation it replaces), over random messages: any doubles (NaN, infinities, -0.0,
 * subnormals included), any strings (quotes, backslashes, control characters, non-ASCII, lone surrogates), 0 to
 * 3 book levels a side; one writer encodes them all in turn, so a longer message before a shorter one leaves
 * nothing behind in its reused buffer.
 */
class TradeDataJsonProperties {
    private static final JsonCodec CODEC = JsonCodec.standard();
    private final TradeDataJson writer = new TradeDataJson();

    @Property(tries = 3000, seed = "16")
    void writesWhatTheCodecWrites(@ForAll("messages") TradeData t) {
        EncodedText mine = writer.encode(t);
        // What the stream sent before: the codec's text, encoded to UTF-8 (a lone surrogate becomes '?').
        String expected = new String(CODEC.encodeToString(t).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(escaped(expected), escaped(mine.text()));
        byte[] bytes = new byte[mine.byteLength()];
        mine.bytes().get(bytes);
        assertEquals(expected, new String(bytes, StandardCharsets.UTF_8));
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, bytes.length);
    }

    /** Control characters made visible, so that a failure's message shows where the two differ. */
    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("<%04x>", c) : String.valueOf((char) c)));
        return b.toString();
    }

    @Provide
    Arbitrary<TradeData> messages() {
        Arbitrary<Double> d = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
                        Double.MIN_VALUE, Double.MAX_VALUE, 0.001, 1e7, 0.52, 97_000.25));
        Arbitrary<String> s = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange((char) 0, (char) 0x7f).ofMaxLength(12),
                Arbitraries.of("2026-12-07T19:16:23.962000", "TRADE_PLACED", "LOW_VOL", "\"\\/\u007f", "é\uD83D\uDE80",
                        "\uD800x"));
        Arbitrary<Double> positive = Arbitraries.oneOf(Arbitraries.doubles().between(0.001, 1e6).ofScale(6),
                Arbitraries.longs().map(Double::longBitsToDouble)).filter(x -> x > 0 && Double.isFinite(x));
        Arbitrary<List<BookLevel>> levels = Combinators.combine(positive, positive).as(BookLevel::new).list()
                .ofMaxSize(3);
        Arbitrary<Long> counts = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, Long.MIN_VALUE));
        return Combinators.combine(
                Combinators.combine(s, s, d, d, d, Arbitraries.integers(), s, d).as(Head::new),
                Combinators.combine(d, s, levels, levels, d, d, d, d).as(Middle::new),
                Combinators.combine(d, counts, counts, d).as(Tail::new))
                .as((h, m, t) -> new TradeData(h.timestamp, h.token, h.mid, h.spread, h.latency, h.fee, h.vol, h.ref,
                        m.inventory, m.action, m.bids, m.asks, m.pnl, m.volume, m.equity, m.power, t.gas, t.trades,
                        t.updates, t.matic));
    }

    private record Head(String timestamp, String token, double mid, double spread, double latency, int fee,
                        String vol, double ref) {
    }

    private record Middle(double inventory, String action, List<BookLevel> bids, List<BookLevel> asks, double pnl,
                          double volume, double equity, double power) {
    }

    private record Tail(double gas, long trades, long updates, double matic) {
    }
}
