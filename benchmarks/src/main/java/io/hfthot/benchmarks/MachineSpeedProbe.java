package io.hfthot.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Shows how fast this machine's CPU runs from moment to moment: it repeats one fixed arithmetic kernel (a
 * four-chain dot product over 40,000 doubles, the shape of the portfolio kernels) and prints how many
 * repetitions each 250 ms window completed.
 *
 * <p>Why: on the 2-core build VM the same kernel completes about 18,000 repetitions per window most of the
 * time and about 9,500 in stretches of several seconds, with nothing else running in the VM, so any
 * compute benchmark taken there is bimodal (docs/performance.md, "Machine speed"). Running this beside or
 * between benchmarks tells a slow phase of the machine from a slow phase of the code. Its own figure is
 * not compared with any peer.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.MachineSpeedProbe [seconds]}
 * (default 30 s; at most 600 s).
 */
public final class MachineSpeedProbe {
    private static final int LENGTH = 40_000;
    private static final long WINDOW_NANOS = 250_000_000L;

    private MachineSpeedProbe() {
    }

    /**
     * Runs the probe and prints one count per window, then the fastest, the median and the slowest window.
     *
     * @param args the number of seconds to run, 1 to 600 (default 30)
     */
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("seconds must be in [1, 600], got " + seconds);
        }
        double[] x = new double[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            x[i] = 1.0 + i * 1e-6;
        }
        List<Integer> counts = new ArrayList<>();
        double sink = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            int reps = 0;
            while (System.nanoTime() - start < WINDOW_NANOS) {
                sink += sumOfSquares(x);
                reps++;
            }
            counts.add(reps);
        }
        StringBuilder line = new StringBuilder("repetitions per 250 ms:");
        counts.forEach(c -> line.append(' ').append(c));
        System.out.println(line);
        List<Integer> sorted = counts.stream().sorted().toList();
        System.out.printf("windows %d, fastest %d, median %d, slowest %d (checksum %s)%n", sorted.size(),
                sorted.get(sorted.size() - 1), sorted.get(sorted.size() / 2), sorted.get(0), sink > 0);
    }

    private static double sumOfSquares(double[] x) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < x.length; i += 4) {
            s0 += x[i] * x[i];
            s1 += x[i + 1] * x[i + 1];
            s2 += x[i + 2] * x[i + 2];
            s3 += x[i + 3] * x[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
