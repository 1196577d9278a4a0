package io.hfthot.engine.storage;

import io.hfthot.engine.keys.MasterKeySource;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the lab's secrets come from and how much disk it keeps free.
 *
 * @param masterKey     the AES-256 key that seals users' provider keys: in the data directory (default), in a
 *                      file elsewhere, or given by the environment
 * @param minFreeBytes  the reserve: when the data directory's file system has fewer usable bytes, the lab stops
 *                      writing (writes answer 503) until space returns; 0 stops writing only when a write fails
 * @param probeInterval how often, at most, the free space is re-checked
 */
public record StorageOptions(MasterKeySource masterKey, long minFreeBytes, Duration probeInterval) {
    /** The default reserve: 64 MiB, room for a few rounds of market appends and usage flushes. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L << 20;

    /** Validates the fields. */
    public StorageOptions {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must be >= 0, got " + minFreeBytes);
        }
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new IllegalArgumentException("probeInterval must be positive, got " + probeInterval);
        }
    }

    /**
     * Returns the defaults: the master key in the data directory, a 64 MiB reserve, a probe every 2 s.
     *
     * @return the options
     */
    public static StorageOptions defaults() {
        return new StorageOptions(MasterKeySource.inDataDirectory(), DEFAULT_MIN_FREE_BYTES, Duration.ofSeconds(2));
    }

    /**
     * Returns a copy with another master key source.
     *
     * @param source the source
     * @return the copy
     */
    public StorageOptions withMasterKey(MasterKeySource source) {
        return new StorageOptions(source, minFreeBytes, probeInterval);
    }

    /**
     * Returns a copy with another reserve.
     *
     * @param bytes the reserve in bytes
     * @return the copy
     */
    public StorageOptions withMinFreeBytes(long bytes) {
        return new StorageOptions(masterKey, bytes, probeInterval);
    }
}
