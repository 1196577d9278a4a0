package io.hfthot.engine.events;

/** Validation of topic names shared by every bus implementation and its records. */
public final class Topics {
    /** Longest accepted topic name; topics are identifiers, not payloads. */
    public static final int MAX_LENGTH = 256;

    private Topics() {
    }

    /**
     * Requires a non-blank topic of at most {@value #MAX_LENGTH} characters.
     *
     * @param topic the topic
     * @return the topic
     */
    public static String requireValid(String topic) {
        if (topic == null || topic.isBlank() || topic.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("topic must be a non-blank string of at most " + MAX_LENGTH
                    + " characters, got " + (topic == null ? "null" : "'" + topic + "'"));
        }
        return topic;
    }
}
