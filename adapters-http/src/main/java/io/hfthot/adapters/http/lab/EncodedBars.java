package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.market.Bar;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JSON array of a run of OHLCV bars, encoded once and shared by every request that returns the same
 * run.
 *
 * <p>Why it is sound: the engine returns closed bars only, and a closed bar never changes while the server
 * runs (new bars are appended after the last one; nothing rewrites history). A run of consecutive bars of
 * one series is therefore identified by its symbol, interval, first and last open time and length, and its
 * JSON is the same for every request that selects it: polling clients asking for "the last 100 bars"
 * get the same run until the next bar closes. Why it matters: formatting 600 doubles on JDK 17 costs
 * about as much as the rest of the request and response together (measured in docs/performance.md).
 *
 * <p>Bounded by bytes: runs larger than an eighth of the budget are encoded per request and not kept; when
 * a new run would exceed the budget, entries are dropped (in no particular order) until it fits.
 * Thread-safe; two threads missing the same run at once both encode it and one copy is kept.
 */
final class EncodedBars {
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final ConcurrentHashMap<RunKey, SerializedString> runs = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** Identifies a run of consecutive closed bars of one series. */
    private record RunKey(String symbol, String interval, int count, long firstTime, long lastTime) {
    }

    /**
     * Creates an empty cache.
     *
     * @param mapper   the mapper of the surface the JSON is embedded in (so numbers are spelled alike)
     * @param maxBytes the budget, in UTF-8 bytes of JSON, at least 1
     */
    EncodedBars(ObjectMapper mapper, long maxBytes) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Returns the JSON array of bars, from the cache when this run was encoded before.
     *
     * @param symbol   the symbol the bars belong to
     * @param interval the interval label
     * @param bars     consecutive closed bars in time order
     * @return the array, ready to be written raw
     */
    SerializableString of(String symbol, String interval, List<Bar> bars) {
        if (bars.isEmpty()) {
            return encode(bars);
        }
        RunKey key = new RunKey(symbol, interval, bars.size(), bars.get(0).time(), bars.get(bars.size() - 1).time());
        SerializedString cached = runs.get(key);
        if (cached != null) {
            return cached;
        }
        SerializedString fresh = encode(bars);
        int size = fresh.asUnquotedUTF8().length;
        if (size > maxBytes / 8) {
            return fresh;
        }
        makeRoom(size);
        SerializedString raced = runs.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        bytes.addAndGet(size);
        return fresh;
    }

    /** @return the UTF-8 bytes held */
    long bytes() {
        return bytes.get();
    }

    /** @return the number of runs held */
    int size() {
        return runs.size();
    }

    private void makeRoom(int size) {
        Iterator<RunKey> keys = runs.keySet().iterator();
        while (bytes.get() + size > maxBytes && keys.hasNext()) {
            SerializedString dropped = runs.remove(keys.next());
            if (dropped != null) {
                bytes.addAndGet(-dropped.asUnquotedUTF8().length);
            }
        }
    }

    private SerializedString encode(List<Bar> bars) {
        try {
            SerializedString json = new SerializedString(mapper.writeValueAsString(bars));
            json.asUnquotedUTF8(); // computed once here, not on the first request that writes it
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode OHLCV bars as JSON", e);
        }
    }
}
