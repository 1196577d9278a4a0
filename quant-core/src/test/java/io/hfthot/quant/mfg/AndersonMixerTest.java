package io.hfthot.quant.mfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anderson acceleration on affine maps whose plain iteration diverges. */
class AndersonMixerTest {

    /** G(x) = A x + b with A = diag(gains); the fixed point is b / (1 - gains). */
    private static double residualAfter(double[] gains, double[] b, int depth, int steps) {
        int n = gains.length;
        AndersonMixer mixer = new AndersonMixer(n, depth);
        mixer.reset();
        double[] x = new double[n];
        double[] image = new double[n];
        double[] residual = new double[n];
        double norm = Double.NaN;
        for (int k = 0; k < steps; k++) {
            norm = 0;
            for (int i = 0; i < n; i++) {
                image[i] = gains[i] * x[i] + b[i];
                residual[i] = image[i] - x[i];
                norm = Math.max(norm, Math.abs(residual[i]));
            }
            mixer.step(x, image, residual, depth, 1.0);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] / (1 - gains[i]), x[i], 1e-6 * (1 + Math.abs(b[i] / (1 - gains[i]))), "i=" + i);
        }
        return norm;
    }

    @Test
    void convergesWherePicardDiverges() {
        double[] gains = {3.0, 1.8, 0.5, -0.4, 0.0};
        double[] b = {1, -2, 0.5, 3, 1};
        assertTrue(residualAfter(gains, b, 5, 12) < 1e-9);
        // Plain Picard (depth 0, any damping in (0, 1]) has the gain-3 mode growing.
        AndersonMixer picard = new AndersonMixer(1, 0);
        double[] x = {0};
        for (int k = 0; k < 30; k++) {
            double image = 3 * x[0] + 1;
            picard.step(x, new double[] {image}, new double[] {image - x[0]}, 0, 0.5);
        }
        assertTrue(Math.abs(x[0]) > 1e3, "damped Picard should diverge, got " + x[0]);
    }
}
