package io.hfthot.client.sse;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotException;
import io.hfthot.client.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTI real-time feed (seeds 001 and 002): {@code GET /client-api/hti/stream?api_code=...&poll_seconds=...}
 * with {@code Accept: text/event-stream}, read as {@link SseEvent}s (types {@code ready}, {@code ping},
 * {@code idea}, {@code error}; data is JSON). A refused request throws {@link HfthotApiException} with the
 * FastAPI body's {@code detail} as the message and {@code HTTP_<status>} as the code. Iterate on one thread;
 * {@link #close()} ends the iteration from any thread.
 */
public final class HtiStream implements AutoCloseable, Iterable<SseEvent> {
    /** The event sent once when the stream is connected. */
    public static final String READY = "ready";
    /** The keep-alive event. */
    public static final String PING = "ping";
    /** A new matching trade idea. */
    public static final String IDEA = "idea";
    /** The server closed the stream or reports an error state. */
    public static final String ERROR = "error";

    private final InputStream body;
    private final BufferedReader reader;
    private final SseParser parser = new SseParser();
    private volatile boolean closed;

    private HtiStream(InputStream body) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /**
     * Opens the stream.
     *
     * @param http        the JDK client
     * @param serverUrl   the HTI server, e.g. {@code http://your-hti-environment:3500}
     * @param apiCode     the API code
     * @param pollSeconds how often the server polls for ideas, positive
     * @param timeout     the time allowed for the response headers
     * @return the open stream; close it
     */
    public static HtiStream open(HttpClient http, URI serverUrl, String apiCode, double pollSeconds, Duration timeout) {
        if (apiCode == null || apiCode.isBlank()) {
            throw new IllegalArgumentException("api_code is required");
        }
        if (!(pollSeconds > 0) || Double.isInfinite(pollSeconds)) {
            throw new IllegalArgumentException("poll_seconds = " + pollSeconds + " is not accepted; expected a positive number");
        }
        String base = serverUrl.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/client-api/hti/stream?api_code=" + URLEncoder.encode(apiCode.strip(), StandardCharsets.UTF_8)
                + "&poll_seconds=" + pollSeconds);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response;
        // No request timeout: the response is endless. The headers must arrive within `timeout`.
        CompletableFuture<HttpResponse<InputStream>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new HfthotException("cannot open the HTI stream: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HfthotException("the HTI stream sent no response headers within " + timeout, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HfthotException("interrupted while opening the HTI stream", e);
        }
        if (response.statusCode() != 200) {
            throw refused(response);
        }
        return new HtiStream(response.body());
    }

    private static HfthotApiException refused(HttpResponse<InputStream> response) {
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        JsonNode node = Json.tree(text);
        String message = node != null && node.path("detail").isTextual() ? node.get("detail").asText()
                : node != null && node.path("message").isTextual() ? node.get("message").asText() : Json.abbreviate(text);
        return new HfthotApiException(response.statusCode(), "HTTP_" + response.statusCode(), message, 1, null);
    }

    /**
     * Blocks for the next event.
     *
     * @return the event, or empty when the server ended the stream or {@link #close()} was called
     * @throws UncheckedIOException when reading fails while the stream is open
     */
    public Optional<SseEvent> next() {
        try {
            return closed ? Optional.empty() : parser.next(reader);
        } catch (IOException e) {
            if (closed) {
                return Optional.empty(); // close() from another thread interrupts a blocked read this way
            }
            throw new UncheckedIOException("reading the HTI stream failed", e);
        }
    }

    /**
     * Returns the reconnection delay the server asked for ({@code retry:}), if any.
     *
     * @return milliseconds, or empty
     */
    public OptionalLong retryMillis() {
        return parser.retryMillis();
    }

    /**
     * A blocking iterator; it ends when the server ends the stream.
     *
     * @return the iterator
     */
    @Override
    public Iterator<SseEvent> iterator() {
        return new Iterator<>() {
            private Optional<SseEvent> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = HtiStream.this.next();
                }
                return next.isPresent();
            }

            @Override
            public SseEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the HTI stream has ended");
                }
                SseEvent e = next.get();
                next = null;
                return e;
            }
        };
    }

    /** Closes the connection. */
    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            // Closing a half-read HTTP body can fail if the peer already reset it; nothing is left to release.
        }
    }
}
