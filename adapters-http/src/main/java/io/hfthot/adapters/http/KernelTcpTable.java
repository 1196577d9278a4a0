package io.hfthot.adapters.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's view of the host's TCP connections, read from Linux's {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6}: for each connection (local and remote address and port), its TCP state.
 *
 * <p>Why this exists: a server learns that an HTTP/1.1 client went away only by reading its connection, and
 * while a handler runs neither server reads it. Jetty 12's {@code HttpConnection.onFillable} stops filling once
 * it dispatches a request (pipelined bytes wait for the response), and registering our own read interest on
 * its {@code EndPoint} is not an option: interest cannot be withdrawn, and Jetty aborts a connection that is
 * still read-interested when the response completes ({@code "Pending read in onCompleted"} in
 * {@code HttpStreamOverHTTP1.succeeded}), which would close every keep-alive connection. Reading the socket
 * ourselves would steal the bytes of a pipelined request, and Java NIO has no {@code MSG_PEEK}. The kernel
 * knows without anyone reading: a peer that closed its side leaves the connection in {@code CLOSE_WAIT}, a
 * reset removes it. Addresses in these files are hexadecimal 32-bit words in the host's byte order.
 *
 * <p>Elsewhere than Linux the files are absent and {@link #read()} returns empty: the watch is then unavailable.
 */
final class KernelTcpTable {
    /** TCP state numbers from the kernel's {@code include/net/tcp_states.h}. */
    static final int ESTABLISHED = 0x01;

    private static final Path[] FILES = {Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")};

    private final Map<Connection, Integer> states;

    private KernelTcpTable(Map<Connection, Integer> states) {
        this.states = states;
    }

    /**
     * One TCP connection, addresses as 16 bytes (IPv4 as IPv4-mapped IPv6) so that a dual-stack socket matches.
     *
     * @param local      the local address
     * @param localPort  the local port
     * @param remote     the remote address
     * @param remotePort the remote port
     */
    record Connection(Address local, int localPort, Address remote, int remotePort) {
        /**
         * Returns the connection between two socket addresses.
         *
         * @param local  the server's side
         * @param remote the client's side
         * @return the connection
         */
        static Connection of(InetSocketAddress local, InetSocketAddress remote) {
            return new Connection(Address.of(local.getAddress()), local.getPort(), Address.of(remote.getAddress()),
                    remote.getPort());
        }
    }

    /** A 16-byte address with value equality. */
    record Address(byte[] bytes) {
        static Address of(InetAddress address) {
            byte[] raw = address.getAddress();
            if (raw.length == 16) {
                return new Address(raw);
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(raw, 0, mapped, 12, 4);
            return new Address(mapped);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && Arrays.equals(bytes, a.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return Arrays.toString(bytes);
        }
    }

    /**
     * Reads both tables now.
     *
     * @return the table, or empty when the kernel does not publish it (not Linux, or not readable)
     */
    static Optional<KernelTcpTable> read() {
        Map<Connection, Integer> states = new HashMap<>();
        boolean any = false;
        for (Path file : FILES) {
            if (!Files.isReadable(file)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                in.readLine(); // the column titles
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    parseLine(line, ByteOrder.nativeOrder(), states);
                }
                any = true;
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }
        return any ? Optional.of(new KernelTcpTable(states)) : Optional.empty();
    }

    /**
     * Parses one line of {@code /proc/net/tcp} or {@code tcp6} into {@code into}.
     *
     * @param line  {@code "  sl  local_address rem_address   st ..."}
     * @param order the byte order the kernel printed the 32-bit address words in
     * @param into  where the connection's state goes
     */
    static void parseLine(String line, ByteOrder order, Map<Connection, Integer> into) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 4) {
            return;
        }
        int localColon = f[1].indexOf(':');
        int remoteColon = f[2].indexOf(':');
        Address local = address(f[1].substring(0, localColon), order);
        Address remote = address(f[2].substring(0, remoteColon), order);
        int localPort = Integer.parseInt(f[1].substring(localColon + 1), 16);
        int remotePort = Integer.parseInt(f[2].substring(remoteColon + 1), 16);
        into.put(new Connection(local, localPort, remote, remotePort), Integer.parseInt(f[3], 16));
    }

    private static Address address(String hex, ByteOrder order) {
        byte[] raw = new byte[hex.length() / 2];
        for (int word = 0; word < raw.length / 4; word++) {
            long value = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            for (int b = 0; b < 4; b++) {
                int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * b : 8 * (3 - b);
                raw[word * 4 + b] = (byte) (value >>> shift);
            }
        }
        try {
            return Address.of(InetAddress.getByAddress(raw));
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes in /proc/net/tcp: " + hex);
        }
    }

    /**
     * Returns whether a connection is still open from its peer's side: listed and {@code ESTABLISHED}. A peer
     * that closed its side ({@code CLOSE_WAIT} and later states) or reset it (no longer listed) is gone.
     *
     * @param connection the connection
     * @return whether the peer is still there
     */
    boolean peerConnected(Connection connection) {
        Integer state = states.get(connection);
        return state != null && state == ESTABLISHED;
    }
}
