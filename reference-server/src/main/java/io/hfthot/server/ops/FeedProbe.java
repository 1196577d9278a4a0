package io.hfthot.server.ops;

import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventListener;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.LabTopics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens to every symbol's tick topic like any stream client does, to measure the event bus's delivery lag
 * ({@code hfthot_event_bus_lag_seconds}: from publication to delivery to a subscriber, a histogram) and to know
 * whether the feed ticks (readiness). It also exports the number of subscribers of each tick topic
 * ({@code hfthot_event_bus_subscribers}, this probe included).
 *
 * <p>Its queue is small and drops the oldest events: a probe that fell behind must not hold memory, and the lag it
 * then reports (large) is the truth about the bus.
 */
public final class FeedProbe implements AutoCloseable {
    private final InstantSource clock;
    private final Timer lag;
    private final AtomicLong lastTickMillis = new AtomicLong(Long.MIN_VALUE);
    private final List<Subscription> subscriptions = new ArrayList<>();

    /**
     * Subscribes to the tick topic of every symbol the lab serves.
     *
     * @param lab      the lab service
     * @param clock    the clock the bus stamps events with
     * @param registry where the meters go
     */
    public FeedProbe(LabService lab, InstantSource clock, MeterRegistry registry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lag = Timer.builder("hfthot.event.bus.lag")
                .description("Time from an event's publication on the bus to its delivery to a subscriber (ticks)")
                .publishPercentileHistogram()
                .register(registry);
        EventListener listener = new EventListener() {
            @Override
            public void onEvent(Event event) {
                Instant now = clock.instant();
                lastTickMillis.set(now.toEpochMilli());
                lag.record(Duration.between(event.publishedAt(), now).abs());
            }
        };
        for (String symbol : lab.symbols()) {
            subscriptions.add(lab.subscribeTicks(symbol, new SubscriptionOptions(64, OverflowPolicy.DROP_OLDEST), listener));
            Gauge.builder("hfthot.event.bus.subscribers", lab.bus(), bus -> bus.subscriberCount(LabTopics.ticks(symbol)))
                    .description("Subscribers of a tick topic (stream clients and this server's probe)")
                    .tag("symbol", symbol)
                    .register(registry);
        }
    }

    /**
     * Returns how long ago the last tick arrived, or empty before the first one.
     *
     * @return the age
     */
    public Optional<Duration> lastTickAge() {
        long last = lastTickMillis.get();
        return last == Long.MIN_VALUE ? Optional.empty() : Optional.of(Duration.ofMillis(clock.millis() - last));
    }

    /** Unsubscribes. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
