package io.hfthot.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Configures an {@link HfthotClient}. Defaults: {@link RetryPolicy#defaults()}, a 30 s request timeout, a new
 * JDK {@link HttpClient} (HTTP/1.1, 10 s connect timeout), the system clock, {@link Sleeper#SYSTEM} and a
 * {@link java.util.SplittableRandom} for jitter.
 */
public final class HfthotClientBuilder {
    final URI baseUri;
    final String apiKey;
    HttpClient http;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    Duration requestTimeout = Duration.ofSeconds(30);
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    RandomGenerator random = new SplittableRandom();

    HfthotClientBuilder(URI baseUri, String apiKey) {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"http".equalsIgnoreCase(baseUri.getScheme()) && !"https".equalsIgnoreCase(baseUri.getScheme())) {
            throw new IllegalArgumentException("baseUri = " + baseUri + " is not accepted; expected an http:// or https:// URI");
        }
        // Trailing slashes are dropped so that paths, which start with '/', join without '//'.
        this.baseUri = URI.create(baseUri.toString().replaceAll("/+$", ""));
        if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("apiKey is not accepted; expected a non-blank key of printable ASCII"
                    + " characters (e.g. hft_pro_...)");
        }
        this.apiKey = apiKey;
    }

    /**
     * Sets the retry policy.
     *
     * @param policy the policy ({@link RetryPolicy#none()} disables retries)
     * @return this builder
     */
    public HfthotClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets the timeout of each attempt (and of the WebSocket handshake).
     *
     * @param timeout positive
     * @return this builder
     */
    public HfthotClientBuilder requestTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout = " + timeout + " is not accepted; expected positive");
        }
        this.requestTimeout = timeout;
        return this;
    }

    /**
     * Uses an existing JDK client (for TLS settings, a proxy or an executor).
     *
     * @param client the client; the caller keeps owning it
     * @return this builder
     */
    public HfthotClientBuilder httpClient(HttpClient client) {
        this.http = Objects.requireNonNull(client, "client");
        return this;
    }

    /**
     * Sets the clock {@code Retry-After} dates and {@code X-RateLimit-Reset} are measured from.
     *
     * @param clock the clock
     * @return this builder
     */
    public HfthotClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets what waits between attempts (tests inject one that records instead of sleeping).
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public HfthotClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Sets the source of backoff jitter (a seeded one makes waits reproducible).
     *
     * @param random the source
     * @return this builder
     */
    public HfthotClientBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public HfthotClient build() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        }
        return new HfthotClient(this);
    }
}
