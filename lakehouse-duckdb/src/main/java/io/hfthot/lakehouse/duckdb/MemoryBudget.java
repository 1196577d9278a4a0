package io.hfthot.lakehouse.duckdb;

import java.lang.management.ManagementFactory;

/**
 * The default DuckDB {@code memory_limit}: what the process can afford next to the JVM's heap.
 *
 * <p>DuckDB's own default is 80% of the machine's RAM, which it takes in addition to the JVM's heap: a single
 * {@code SELECT DISTINCT} over {@code range(300000000)} then grew the process until the kernel killed it. The
 * default here is half of what is left of physical memory (the container's limit, as the JVM reports it) after
 * the maximum heap and a margin for the JVM's own native memory (metaspace, thread stacks, Arrow buffers), kept
 * between {@value #FLOOR_BYTES} and {@value #CAP_BYTES} bytes. Past the limit DuckDB spills to its temp directory
 * or fails the query; it never takes more.
 */
public final class MemoryBudget {

    /** Native memory the JVM needs besides its heap, kept out of DuckDB's share. */
    public static final long MARGIN_BYTES = 512L << 20;
    /** The smallest default limit: enough for DuckDB to run a small aggregate. */
    public static final long FLOOR_BYTES = 64L << 20;
    /** The largest default limit; an operator who wants more sets it explicitly. */
    public static final long CAP_BYTES = 1L << 30;

    private MemoryBudget() {
    }

    /**
     * The default limit for given sizes (a pure function, so it can be checked against its closed form).
     *
     * @param physicalBytes the process's physical memory (container limit), 0 when unknown
     * @param maxHeapBytes  the JVM's maximum heap
     * @return {@code clamp((physical - maxHeap - margin) / 2, floor, cap)}, or the floor when physical is unknown
     */
    public static long defaultLimitBytes(long physicalBytes, long maxHeapBytes) {
        if (physicalBytes <= 0) {
            return FLOOR_BYTES;
        }
        long spare = (physicalBytes - maxHeapBytes - MARGIN_BYTES) / 2;
        return Math.max(FLOOR_BYTES, Math.min(CAP_BYTES, spare));
    }

    /**
     * The default limit of this JVM, in DuckDB's syntax (e.g. {@code "1024MB"}).
     *
     * @return the limit
     */
    public static String defaultLimit() {
        long physical = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize(); // container-aware since JDK 14
        }
        return (defaultLimitBytes(physical, Runtime.getRuntime().maxMemory()) >> 20) + "MB";
    }

    /**
     * The default DuckDB thread count: the available processors, at most 4 (more threads need more memory per
     * query and would compete with the server's own threads).
     *
     * @return the thread count
     */
    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}
