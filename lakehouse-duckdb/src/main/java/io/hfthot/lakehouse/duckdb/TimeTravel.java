package io.hfthot.lakehouse.duckdb;

import java.time.Instant;
import java.util.Objects;

/** Which snapshot of a table a reference asks for: the latest, a version, or the one current at an instant. */
public sealed interface TimeTravel permits TimeTravel.Latest, TimeTravel.AtVersion, TimeTravel.AtTimestamp {

    /** The latest snapshot (no clause in the query). */
    record Latest() implements TimeTravel {
        @Override
        public String toString() {
            return "";
        }
    }

    /**
     * {@code VERSION AS OF version}.
     *
     * @param version the commit version, {@code >= 0}
     */
    record AtVersion(long version) implements TimeTravel {
        /** Validates the version. */
        public AtVersion {
            if (version < 0) {
                throw new IllegalArgumentException("VERSION AS OF must be >= 0, got " + version);
            }
        }

        @Override
        public String toString() {
            return "VERSION AS OF " + version;
        }
    }

    /**
     * {@code TIMESTAMP AS OF '...'}: the latest snapshot committed at or before {@code instant}.
     *
     * @param instant the point in time (literals without an offset are read as UTC)
     */
    record AtTimestamp(Instant instant) implements TimeTravel {
        /** Validates the instant. */
        public AtTimestamp {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public String toString() {
            return "TIMESTAMP AS OF '" + instant + "'";
        }
    }

    /** The latest snapshot. */
    static TimeTravel latest() {
        return new Latest();
    }
}
