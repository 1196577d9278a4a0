package io.hfthot.quant.hmm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input fails with an {@link IllegalArgumentException} whose message names the problem. */
public final class Messages {
    private Messages() {
    }

    /**
     * Runs the call and checks the exception message contains every fragment.
     *
     * @param call      the call expected to fail
     * @param fragments text the message must contain
     * @return the message
     */
    public static String assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message \"" + e.getMessage() + "\" lacks \"" + f + "\"");
        }
        return e.getMessage();
    }
}
