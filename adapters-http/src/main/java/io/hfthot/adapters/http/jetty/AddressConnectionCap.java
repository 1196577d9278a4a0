package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.RetryAfter;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.HttpSurface;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts open network connections per client IP address and marks the ones past the cap, so that the
 * request arriving on a marked connection is refused with 429 and the connection closed.
 *
 * <p>Jetty's own {@code ConnectionLimit} / {@code NetworkConnectionLimit} cap the connector's total and
 * stop accepting when it is reached (which refuses everyone, not the client holding the connections), and
 * its {@code DoSHandler} limits request rates, not held connections; a per-address cap is therefore counted
 * here. It is a {@link SelectorManager.AcceptListener} (added to the connector as a bean), so it counts
 * TCP connections whatever protocol they carry after an upgrade (WebSocket included) and before any TLS
 * handshake. A refused connection is answered on its first request rather than at accept time: closing
 * at accept would make the client's request fail with a reset instead of a readable refusal. Thread-safe;
 * the callbacks run on selector threads and only touch concurrent maps.
 */
final class AddressConnectionCap implements SelectorManager.AcceptListener {
    private final int max;
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<SelectableChannel, InetSocketAddress> open = new ConcurrentHashMap<>();
    private final Set<SocketAddress> overCap = ConcurrentHashMap.newKeySet();

    AddressConnectionCap(int max) {
        this.max = max;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetSocketAddress remote = remote(channel);
        if (remote == null) {
            return;
        }
        open.put(channel, remote);
        int count = perAddress.merge(remote.getAddress(), 1, Integer::sum);
        if (count > max) {
            overCap.add(remote);
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private void release(SelectableChannel channel) {
        InetSocketAddress remote = open.remove(channel);
        if (remote == null) {
            return;
        }
        overCap.remove(remote);
        perAddress.computeIfPresent(remote.getAddress(), (a, n) -> n <= 1 ? null : n - 1);
    }

    /**
     * Tells whether a connection is past its address's cap.
     *
     * @param remote the connection's remote socket address (address and port)
     * @return the refusal message, or empty when the connection is within the cap
     */
    Optional<String> refusal(SocketAddress remote) {
        if (remote == null || !overCap.contains(remote)) {
            return Optional.empty();
        }
        String who = remote instanceof InetSocketAddress in ? in.getAddress().getHostAddress() : remote.toString();
        return Optional.of("too many connections from " + who + ": at most " + max
                + " may be open at once; reuse or close connections (keep-alive) and retry");
    }

    /**
     * Returns a handler that answers every request on a connection past the cap with 429 in the surface's
     * shape and {@code Connection: close}, and passes the others to {@code next}.
     *
     * @param surface whose error shape to use
     * @param next    the handler for connections within the cap
     * @return the gate
     */
    Handler gate(HttpSurface surface, Handler next) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Optional<String> refused = refusal(request.getConnectionMetaData().getRemoteSocketAddress());
                if (refused.isEmpty()) {
                    return super.handle(request, response, callback);
                }
                response.getHeaders().put(RetryAfter.HEADER, RetryAfter.seconds(null, 0));
                SurfaceErrorHandler.write(response, callback, surface.errorShape().status(ErrorKind.RATE_LIMITED),
                        surface.errorBody(ErrorKind.RATE_LIMITED, refused.get()), true);
                return true;
            }
        };
    }

    private static InetSocketAddress remote(SelectableChannel channel) {
        if (!(channel instanceof SocketChannel socket)) {
            return null;
        }
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress in ? in : null;
        } catch (IOException closedAlready) {
            return null;
        }
    }
}
