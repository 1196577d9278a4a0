package io.hfthot.engine.marketmaker;

import java.time.Instant;

/**
 * An emergency stop, as recorded in the audit table.
 *
 * @param reason    the caller's reason, or null
 * @param at        when the stop took effect
 * @param cancelled resting orders cancelled by it
 */
public record EmergencyStop(String reason, Instant at, int cancelled) {
}
