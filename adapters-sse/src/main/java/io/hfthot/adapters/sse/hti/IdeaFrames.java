package io.hfthot.adapters.sse.hti;

import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.sse.SseEvent;
import io.hfthot.adapters.sse.SseFrame;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.hti.ideas.TradeIdea;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Frames idea events for the stream, encoding each bus event once (JSON, SSE framing and UTF-8 bytes) for all
 * streams: every stream writes the
 * same events in the same order, so a small ring keyed by the event's sequence number serves the other
 * streams the frame the first one encoded. A slot holding another sequence is simply re-encoded.
 */
final class IdeaFrames {
    private static final int SLOTS = 256;

    private record Framed(long sequence, SseFrame frame) {
    }

    private final JsonCodec codec;
    private final AtomicReferenceArray<Framed> ring = new AtomicReferenceArray<>(SLOTS);

    IdeaFrames(JsonCodec codec) {
        this.codec = codec;
    }

    SseFrame frame(Event e) {
        int slot = (int) Math.floorMod(e.sequence(), (long) SLOTS);
        Framed cached = ring.get(slot);
        if (cached != null && cached.sequence() == e.sequence()) {
            return cached.frame();
        }
        SseFrame framed = SseFrame.of(SseEvent.json("idea", codec, ((TradeIdea) e.payload()).toFields()));
        ring.set(slot, new Framed(e.sequence(), framed));
        return framed;
    }
}
