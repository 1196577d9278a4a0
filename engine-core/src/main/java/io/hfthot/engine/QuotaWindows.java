package io.hfthot.engine;

import io.hfthot.engine.quota.RateWindowFile;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Restores the engine's saved quota windows at start, setting an unreadable file aside rather than refusing to start. */
final class QuotaWindows {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaWindows.class);

    private QuotaWindows() {
    }

    /**
     * Restores the windows saved in {@code file} into {@code limiter}. An unreadable file (torn by a failing
     * disk, or written by another program) is renamed to {@code <file>.unreadable} and the windows start empty:
     * quotas then restart from zero, which is what happened at every restart before windows were saved, and
     * the server still starts.
     *
     * @param file    the window file
     * @param limiter the limiter to fill
     * @return the saver of that file
     */
    static RateWindowFile restore(Path file, SlidingLogRateLimiter limiter) {
        RateWindowFile windows = new RateWindowFile(file);
        try {
            int n = windows.restoreInto(limiter);
            LOG.debug("restored {} quota windows from {}", n, file);
        } catch (UncheckedIOException e) {
            LOG.warn("{}; quota windows start empty and the file is kept as {}.unreadable", e.getMessage(), file);
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("cannot set {} aside", file, moveFailed);
            }
        }
        return windows;
    }
}
