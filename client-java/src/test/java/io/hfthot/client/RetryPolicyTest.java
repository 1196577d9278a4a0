package io.hfthot.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RandomGenerator NO_JITTER_DRAW = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.0;
        }
    };

    @Test
    void withoutJitterTheWaitIsTheClosedFormCappedAtTheMaximum() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.0, Duration.ofSeconds(60));
        long[] expected = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int retry = 1; retry <= expected.length; retry++) {
            assertEquals(Duration.ofMillis(expected[retry - 1]), p.backoff(retry, new SplittableRandom(retry)), "retry " + retry);
        }
        // A retry number far beyond the cap cannot overflow.
        assertEquals(Duration.ofMillis(1000), p.backoff(10_000, new SplittableRandom(1)));
    }

    @Test
    void jitterDrawsWithinTheDocumentedBand() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5, Duration.ofSeconds(60));
        SplittableRandom random = new SplittableRandom(42);
        for (int retry = 1; retry <= 6; retry++) {
            double base = Math.min(5000, 200 * Math.pow(2, retry - 1));
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int i = 0; i < 2000; i++) {
                double ms = p.backoff(retry, random).toNanos() / 1e6;
                assertTrue(ms >= base * 0.5 - 1e-6 && ms <= base + 1e-6, retry + ": " + ms + " outside [" + base * 0.5 + ", " + base + "]");
                min = Math.min(min, ms);
                max = Math.max(max, ms);
            }
            // 2000 uniform draws cover most of the band: the jitter is real, not a constant.
            assertTrue(max - min > base * 0.4, "retry " + retry + ": spread " + (max - min));
        }
        // A draw of 0 gives the full base wait.
        assertEquals(Duration.ofMillis(800), p.backoff(3, NO_JITTER_DRAW));
    }

    @Test
    void invalidSettingsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.defaults().withMaxAttempts(0));
        assertTrue(e.getMessage().contains("maxAttempts = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1),
                2, 0.1, Duration.ZERO));
        assertTrue(e.getMessage().contains("maxBackoff"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Double.NaN, 0.1, Duration.ZERO));
        assertTrue(e.getMessage().contains("multiplier = NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
                2, 1.5, Duration.ZERO));
        assertTrue(e.getMessage().contains("jitter = 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().backoff(0, new SplittableRandom(1)));
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }
}
