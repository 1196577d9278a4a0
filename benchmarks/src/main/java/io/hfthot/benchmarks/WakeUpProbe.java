package io.hfthot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures, beside a latency load in the same run, how late this machine wakes a thread that asked to sleep, and
 * how much CPU time the host took from the virtual machine (steal). Both bound what any push delivery can reach:
 * a message handed from one thread to another waits for at least one such wake-up.
 *
 * <p>Why: on the 2-core build VM a thread that parks for 50 ms on an otherwise idle machine usually wakes 0.1 to
 * 0.2 ms late, but 1 to 7 % of its wake-ups are more than 1 ms late and a few are 5 to 16 ms late; the share
 * changes from minute to minute with the host's load (steal grows with it). A delivery p99 measured in a noisy
 * minute measures the host as much as the code. The probe's thread wakes every {@code periodNanos} (default
 * 50 ms, the market-maker load's tick) and does nothing else, so it adds no measurable load.
 *
 * <p>Usage: {@link #start}, run the load, {@link #stop}, then {@link #report}.
 */
public final class WakeUpProbe {
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private long[] lateness = new long[1024];
    private int n;
    private final OptionalLong stealAtStart;
    private OptionalLong stealAtStop = OptionalLong.empty();

    private WakeUpProbe(long periodNanos) {
        this.periodNanos = periodNanos;
        this.stealAtStart = stealMillis();
        this.thread = new Thread(this::run, "wake-up-probe");
        thread.setDaemon(true);
    }

    /**
     * Starts a probe.
     *
     * @param periodNanos how long each sleep asks for, in {@code [100 us, 1 s]}
     * @return the running probe
     */
    public static WakeUpProbe start(long periodNanos) {
        if (periodNanos < 100_000L || periodNanos > 1_000_000_000L) {
            throw new IllegalArgumentException("period must be in [100 us, 1 s], got " + periodNanos + " ns");
        }
        WakeUpProbe probe = new WakeUpProbe(periodNanos);
        probe.thread.start();
        return probe;
    }

    private void run() {
        while (running) {
            long asked = System.nanoTime();
            LockSupport.parkNanos(periodNanos);
            long late = System.nanoTime() - asked - periodNanos;
            synchronized (this) {
                if (n == lateness.length) {
                    lateness = Arrays.copyOf(lateness, 2 * n);
                }
                lateness[n++] = Math.max(0, late);
            }
        }
    }

    /**
     * Stops the probe and reads the steal counter again.
     *
     * @throws InterruptedException if interrupted while the probe's thread ends
     */
    public void stop() throws InterruptedException {
        running = false;
        thread.join();
        stealAtStop = stealMillis();
    }

    /**
     * One line: the wake-up lateness percentiles and the steal time between start and stop.
     *
     * @return the report
     */
    public synchronized String report() {
        long[] sorted = Arrays.copyOf(lateness, n);
        Arrays.sort(sorted);
        String steal = stealAtStart.isPresent() && stealAtStop.isPresent()
                ? (stealAtStop.getAsLong() - stealAtStart.getAsLong()) + " ms"
                : "not available (no /proc/stat)";
        if (sorted.length == 0) {
            return "machine: no wake-up measured; host steal " + steal;
        }
        long overOneMs = Arrays.stream(sorted).filter(x -> x > 1_000_000L).count();
        return String.format(Locale.ROOT, "machine: %d wake-ups after %.0f ms sleeps, late by p50=%.3f ms "
                        + "p99=%.3f ms max=%.3f ms, %d (%.1f %%) over 1 ms; host steal %s", sorted.length,
                periodNanos / 1e6, at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6, overOneMs,
                100.0 * overOneMs / sorted.length, steal);
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /**
     * The machine's total steal time from the first line of {@code /proc/stat} (its eighth value, in clock ticks of
     * 10 ms: USER_HZ is 100 on Linux), or empty where there is no such file.
     */
    private static OptionalLong stealMillis() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            return f[0].equals("cpu") && f.length > 8 ? OptionalLong.of(Long.parseLong(f[8]) * 10) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
