/**
 * Usage accounting for {@code GET /v1/account/usage} (seed 000): requests per UTC day behind the
 * {@link io.hfthot.engine.usage.UsageStore} SPI, stream counts, tier and billing-cycle end.
 */
package io.hfthot.engine.usage;
