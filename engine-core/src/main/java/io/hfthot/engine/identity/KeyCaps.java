package io.hfthot.engine.identity;

import java.util.List;

/** The checks shared by the {@link ApiKeyStore#insertWithinCap} implementations of this process. */
public final class KeyCaps {
    private KeyCaps() {
    }

    /**
     * Validates a live-key cap.
     *
     * @param maxLive the cap
     * @throws IllegalArgumentException when below 1
     */
    public static void check(int maxLive) {
        if (maxLive < 1) {
            throw new IllegalArgumentException("maxLive must be >= 1, got " + maxLive);
        }
    }

    /**
     * Counts the active rows of a list.
     *
     * @param rows an owner's rows
     * @return how many are not revoked
     */
    public static long live(List<ApiKeyRecord> rows) {
        return rows.stream().filter(ApiKeyRecord::active).count();
    }
}
