package io.hfthot.engine.redis;

/**
 * Turns event payloads into text and back, so an event published on one replica reaches the subscribers of
 * another. The in-memory bus passes objects by reference; a shared bus has to carry them.
 *
 * <p>Contract: {@code decode(topic, encode(topic, p))} equals {@code p} (for arrays: the same elements);
 * {@link #encode} throws {@link IllegalArgumentException} for a payload it cannot carry, naming its type, so the
 * publisher learns at once rather than subscribers later. Thread-safe.
 */
public interface PayloadCodec {
    /**
     * Encodes a payload.
     *
     * @param topic   the topic it is published on
     * @param payload the payload, non-null
     * @return its text form
     * @throws IllegalArgumentException for a payload type the codec does not carry
     */
    String encode(String topic, Object payload);

    /**
     * Decodes a payload.
     *
     * @param topic the topic it was published on
     * @param text  what {@link #encode} produced
     * @return the payload
     * @throws IllegalArgumentException for text this codec did not produce
     */
    Object decode(String topic, String text);
}
