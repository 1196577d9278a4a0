package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parsing the kernel's TCP table, and the real table seeing a loopback connection open and then closed. */
@Timeout(20)
class KernelTcpTableTest {
    private static KernelTcpTable.Connection connection(String local, int localPort, String remote, int remotePort)
            throws Exception {
        return KernelTcpTable.Connection.of(new InetSocketAddress(InetAddress.getByName(local), localPort),
                new InetSocketAddress(InetAddress.getByName(remote), remotePort));
    }

    @Test
    void parsesIpv4WordsInHostOrderAndTheState() throws Exception {
        Map<KernelTcpTable.Connection, Integer> states = new HashMap<>();
        // 127.0.0.1:8080 <- 10.1.2.3:50000, CLOSE_WAIT, as a little-endian kernel prints it.
        KernelTcpTable.parseLine("   3: 0100007F:1F90 0302010A:C350 08 00000000:00000000 00:00000000 00000000"
                + "     0        0 4242 1 0000000000000000 20 4 30 10 -1", ByteOrder.LITTLE_ENDIAN, states);
        assertEquals(Map.of(connection("127.0.0.1", 8080, "10.1.2.3", 50000), 8), states);

        states.clear();
        KernelTcpTable.parseLine("   3: 7F000001:1F90 0A010203:C350 01 0", ByteOrder.BIG_ENDIAN, states);
        assertEquals(Map.of(connection("127.0.0.1", 8080, "10.1.2.3", 50000), KernelTcpTable.ESTABLISHED), states);
    }

    @Test
    void parsesIpv6AndMatchesIpv4MappedAddressesWithIpv4Sockets() throws Exception {
        Map<KernelTcpTable.Connection, Integer> states = new HashMap<>();
        // ::1 port 443 <- ::ffff:127.0.0.1 port 40000 (a dual-stack socket), little-endian words.
        KernelTcpTable.parseLine("   0: 00000000000000000000000001000000:01BB 0000000000000000FFFF00000100007F:9C40"
                + " 01 00000000:00000000 00:00000000 00000000     0        0 1 1", ByteOrder.LITTLE_ENDIAN, states);
        assertEquals(Map.of(connection("::1", 443, "127.0.0.1", 40000), KernelTcpTable.ESTABLISHED), states);
    }

    @Test
    void theKernelTableShowsAConnectionUntilItsPeerCloses() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "the kernel publishes no TCP table here (not Linux)");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket served = listener.accept()) {
            KernelTcpTable.Connection c = KernelTcpTable.Connection.of(
                    (InetSocketAddress) served.getLocalSocketAddress(),
                    (InetSocketAddress) served.getRemoteSocketAddress());
            assertTrue(KernelTcpTable.read().orElseThrow().peerConnected(c), "an open connection is ESTABLISHED");
            client.close();
            long until = System.nanoTime() + 5_000_000_000L;
            boolean gone = false;
            while (!gone && System.nanoTime() < until) {
                gone = !KernelTcpTable.read().orElseThrow().peerConnected(c);
                Thread.sleep(20);
            }
            assertTrue(gone, "the peer's close shows as CLOSE_WAIT");
            assertFalse(served.isClosed());
        }
    }
}
