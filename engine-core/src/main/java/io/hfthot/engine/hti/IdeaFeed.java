package io.hfthot.engine.hti;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.ProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One client's live ideas: the ideas topic of the bus, filtered by the client's profile as stored now (a
 * profile whose filters change is served the new filters at once), and ended when its code expires or is
 * revoked. Each poll or drain re-reads the profile, so an expiry is noticed at the latest one poll timeout after it
 * (the SSE route drains at least once per ping interval).
 *
 * <p>Memory: the bus queues at most {@link HtiConfig#streamQueue()} ideas for the client (references to shared,
 * immutable ideas); when a client stops reading and the queue is full, the subscription is cancelled
 * ({@link CloseReason#OVERFLOW}) and the stream ends, so the client reconnects and recovers from history.
 */
public final class IdeaFeed implements Subscription {
    private final Subscription inner;
    private final ProfileStore store;
    private final HtiProfile initial;
    private final InstantSource clock;
    private volatile String ended;

    IdeaFeed(Subscription inner, ProfileStore store, HtiProfile profile, InstantSource clock) {
        this.inner = inner;
        this.store = store;
        this.initial = profile;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return inner.topic();
    }

    @Override
    public Optional<Event> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            Optional<HtiProfile> profile = current();
            if (profile.isEmpty()) {
                return Optional.empty();
            }
            long left = deadline - System.nanoTime();
            Optional<Event> next = inner.poll(Duration.ofNanos(Math.max(0, left)));
            if (next.isEmpty()) {
                return next;
            }
            if (((TradeIdea) next.get().payload()).matches(profile.get().filters())) {
                return next;
            }
            if (deadline - System.nanoTime() <= 0) {
                return Optional.empty();
            }
        }
    }

    @Override
    public List<Event> drain(int max) {
        Optional<HtiProfile> profile = current();
        List<Event> out = new ArrayList<>();
        if (profile.isEmpty()) {
            return out;
        }
        for (Event e : inner.drain(max)) {
            if (((TradeIdea) e.payload()).matches(profile.get().filters())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The profile as stored now; ends the feed when the code is gone, expired or revoked. */
    private Optional<HtiProfile> current() {
        if (ended != null) {
            return Optional.empty();
        }
        Optional<HtiProfile> now = store.find(initial.fingerprint());
        Instant at = clock.instant();
        if (now.isEmpty()) {
            end("API code revoked; ask your account manager for a new code.");
        } else if (now.get().expiredAt(at)) {
            end("API code expired at " + now.get().validUntil() + "; ask your account manager for a new code.");
        } else {
            return now;
        }
        return Optional.empty();
    }

    private void end(String why) {
        ended = why;
        inner.close();
    }

    /**
     * Says why the feed ended, for the stream's last ({@code error}) event.
     *
     * @param reason the subscription's close reason
     * @return the message
     */
    public String endMessage(CloseReason reason) {
        String why = ended;
        if (why != null) {
            return why;
        }
        return switch (reason) {
            case OVERFLOW -> "Stream closed: this client fell behind by more than its queue of ideas; reconnect and"
                    + " call history to recover what it missed.";
            case BUS_CLOSED -> "Server shutting down; reconnect later and call history to recover missed ideas.";
            case UNSUBSCRIBED -> "Stream closed by the server.";
        };
    }

    @Override
    public int pending() {
        return inner.pending();
    }

    @Override
    public long dropped() {
        return inner.dropped();
    }

    @Override
    public boolean isActive() {
        return ended == null && inner.isActive();
    }

    @Override
    public Optional<CloseReason> closeReason() {
        return inner.closeReason();
    }

    @Override
    public void close() {
        inner.close();
    }

    /** Reports the bus subscription's activity: a queued idea (matching or not, {@link #drain} filters) or its close. */
    @Override
    public void onActivity(Runnable callback) {
        inner.onActivity(callback);
    }
}
