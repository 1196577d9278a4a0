/**
 * The engine's shared test kit: one abstract JUnit 5 contract suite per SPI ({@code ApiKeyStore},
 * {@code UsageStore}, {@code RateLimiter}, {@code StreamLimiter}, {@code EventBus}, {@code RefreshTokenStore},
 * {@code ProfileStore}, {@code HubUserStore}, {@code HubApiKeyStore}, {@code SecretStore}, {@code ProviderKeyStore}) and one controllable {@link io.hfthot.engine.testkit.TestClock}.
 *
 * <p>Published as engine-core's test jar ({@code <type>test-jar</type>}, scope {@code test}), so an
 * implementation in another module (the Redis backends, a real exchange feed) extends the same contract as the
 * in-memory default: subclass the suite and implement its factory method.
 */
package io.hfthot.engine.testkit;
