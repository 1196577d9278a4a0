/**
 * Upstream data-provider keys (Finnhub, TwelveData, ...) held per user, sealed with AES-GCM at rest
 * behind the {@link io.hfthot.engine.usage.provider.ProviderKeyStore} SPI, each with a query budget
 * enforced by the same exact sliding window as the API's own limits.
 */
package io.hfthot.engine.usage.provider;
