package io.hfthot.adapters.http.marketmaker;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.hfthot.adapters.http.EncodedText;
import io.hfthot.engine.market.BookLevel;
import io.hfthot.engine.marketmaker.TradeData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link TradeData} as the stream's JSON, straight to UTF-8 bytes in a reused buffer: byte for byte what
 * {@link io.hfthot.adapters.http.JsonCodec#standard()} writes (same names and order, doubles with the same
 * jackson-core Schubfach writer, non-finite doubles as the quoted strings Jackson writes, strings escaped as
 * Jackson escapes them), which {@code TradeDataJsonProperties} checks over random messages.
 *
 * <p>Why not the codec: the stream encodes one message per tick, 1 to 20 a second, so the codec's generic path
 * (bean serializers, reflective record accessors, a String then its UTF-8 copy) runs too rarely for the JIT to
 * compile it and cost 150 to 300 us per message in the market-maker load, ahead of every dashboard's delivery.
 * This straight-line writer is a few thousand bytecodes and allocates only the doubles' digit strings.
 *
 * <p>Not thread-safe: one instance per writing thread (the surface's broadcast listener runs serially).
 */
final class TradeDataJson {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf = new byte[2048];
    private int n;

    /**
     * Encodes a message.
     *
     * @param t the message
     * @return its JSON, encoded once for every connection
     */
    EncodedText encode(TradeData t) {
        n = 0;
        raw("{\"timestamp\":");
        string(t.timestamp());
        raw(",\"token_id\":");
        string(t.tokenId());
        raw(",\"midpoint\":");
        number(t.midpoint());
        raw(",\"spread\":");
        number(t.spread());
        raw(",\"latency_ms\":");
        number(t.latencyMs());
        raw(",\"fee_bps\":");
        number(t.feeBps());
        raw(",\"vol_state\":");
        string(t.volState());
        raw(",\"binance_price\":");
        number(t.binancePrice());
        raw(",\"inventory\":");
        number(t.inventory());
        raw(",\"action\":");
        string(t.action());
        raw(",\"bids\":");
        levels(t.bids());
        raw(",\"asks\":");
        levels(t.asks());
        raw(",\"virtual_pnl\":");
        number(t.virtualPnl());
        raw(",\"session_volume\":");
        number(t.sessionVolume());
        raw(",\"total_equity\":");
        number(t.totalEquity());
        raw(",\"buying_power\":");
        number(t.buyingPower());
        raw(",\"total_gas_spent_usd\":");
        number(t.totalGasSpentUsd());
        raw(",\"total_trades_count\":");
        number(t.totalTradesCount());
        raw(",\"total_order_updates\":");
        number(t.totalOrderUpdates());
        raw(",\"current_matic_balance\":");
        number(t.currentMaticBalance());
        raw("}");
        return EncodedText.ofUtf8(buf, 0, n);
    }

    private void levels(List<BookLevel> levels) {
        raw("[");
        for (int i = 0; i < levels.size(); i++) {
            BookLevel l = levels.get(i);
            raw(i == 0 ? "{\"price\":" : ",{\"price\":");
            number(l.price());
            raw(",\"size\":");
            number(l.size());
            raw("}");
        }
        raw("]");
    }

    /** ASCII the writer itself spells (names, punctuation). */
    private void raw(String ascii) {
        int len = ascii.length();
        room(len);
        for (int i = 0; i < len; i++) {
            buf[n++] = (byte) ascii.charAt(i);
        }
    }

    private void number(double v) {
        if (NumberOutput.notFinite(v)) {
            // Jackson's default (QUOTE_NON_NUMERIC_NUMBERS): NaN and the infinities as strings.
            raw("\"");
            raw(NumberOutput.toString(v, true));
            raw("\"");
        } else {
            raw(NumberOutput.toString(v, true));
        }
    }

    private void number(long v) {
        room(20);
        n = NumberOutput.outputLong(v, buf, n);
    }

    /**
     * A JSON string as Jackson's generator writes it: {@code "} and {@code \} escaped with a backslash, the
     * control characters below 0x20 as {@code \b \t \n \f \r} or {@code \}{@code u00XX} (upper-case hex), all else
     * as UTF-8 (a lone surrogate as {@code ?}, as {@link String#getBytes} encodes it).
     */
    private void string(String s) {
        if (s == null) {
            raw("null");
            return;
        }
        room(s.length() * 6 + 2);
        buf[n++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Past ASCII: encode the rest with the JDK (surrogate pairs included) and escape its ASCII part.
                rest(s.substring(i));
                break;
            }
            ascii(c);
        }
        room(1);
        buf[n++] = '"';
    }

    private void rest(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        room(utf8.length * 6);
        for (byte b : utf8) {
            if (b >= 0) {
                ascii((char) b);
            } else {
                buf[n++] = b; // a byte of a multi-byte sequence: never a quote, backslash or control character
            }
        }
    }

    /** One ASCII character of a string, escaped; the caller has made room for six bytes. */
    private void ascii(char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            buf[n++] = (byte) c;
            return;
        }
        buf[n++] = '\\';
        switch (c) {
            case '"', '\\' -> buf[n++] = (byte) c;
            case '\b' -> buf[n++] = 'b';
            case '\t' -> buf[n++] = 't';
            case '\n' -> buf[n++] = 'n';
            case '\f' -> buf[n++] = 'f';
            case '\r' -> buf[n++] = 'r';
            default -> {
                buf[n++] = 'u';
                buf[n++] = '0';
                buf[n++] = '0';
                buf[n++] = HEX[c >> 4];
                buf[n++] = HEX[c & 0xf];
            }
        }
    }

    private void room(int more) {
        if (n + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + more));
        }
    }
}
