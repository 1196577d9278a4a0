package io.hfthot.client.stream;

import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Receives frames on the JDK's thread and hands whole messages to the queue {@link LabStream} reads. It asks
 * for {@code bufferSize} messages when the connection opens and for nothing more itself, except to complete
 * a fragmented message; {@link LabStream} asks for one more each time the consumer takes one. So at most
 * {@code bufferSize} whole messages wait in the queue.
 */
final class StreamListener implements WebSocket.Listener {
    private final int bufferSize;
    private final StringBuilder partial = new StringBuilder();
    /** Filled from the first frame on, before the LabStream exists. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    StreamListener(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    BlockingQueue<Object> queue() {
        return queue;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(bufferSize);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (!last) {
            webSocket.request(1); // a fragment is not a message: fetch the rest without spending the budget
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        queue.add(StreamMessage.parse(text));
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        queue.add(new LabStream.Closed(statusCode, reason));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        queue.add(new LabStream.Failed(error));
    }
}
