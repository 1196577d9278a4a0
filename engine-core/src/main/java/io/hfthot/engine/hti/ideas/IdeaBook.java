package io.hfthot.engine.hti.ideas;

import io.hfthot.engine.hti.profile.IdeaFilters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ideas' state: at most one active idea per instrument and timeframe, and the latest revision of the most
 * recent ideas for history queries.
 *
 * <p>A pass is two steps so that revisions are stored before anyone sees them: {@link #plan} computes the
 * revisions a pass makes without changing anything, the caller commits them to the ideas table, then
 * {@link #apply} makes them current. Rules of a pass, per observation, for the slot's active idea:
 * <ol>
 *   <li>its expiration time has come: revision {@code expired};</li>
 *   <li>the last price reached its take-profit, else its stop-loss: {@code take_profit_hit} / {@code stop_loss_hit};</li>
 *   <li>the regime is no longer the idea's, or the generator now proposes another side or strategy:
 *       {@code superseded};</li>
 *   <li>otherwise, when a new bar of the timeframe has closed and the posterior moved: an {@code active}
 *       revision with the new confidence and estimated P/L.</li>
 * </ol>
 * A slot left without an active idea gets a new one when the generator proposes it from a bar the slot has not drawn
 * an idea from yet: at most one new idea per slot and closed bar, so that an idea closed within a bar is not
 * re-entered on the same information (and an imported series that does not move is not re-proposed each time its idea
 * expires).
 *
 * <p>Thread safety: {@link #plan} and {@link #apply} serialize on the book; {@link #history} reads an
 * immutable array published after each apply.
 */
public final class IdeaBook {
    /** Newest first: last update, then id. */
    static final Comparator<TradeIdea> NEWEST_FIRST = Comparator.comparing(TradeIdea::lastUpdate)
            .thenComparingLong(TradeIdea::id).reversed();

    private final int capacity;
    private final Map<String, TradeIdea> active = new HashMap<>();
    private final Map<String, Long> barsSeen = new HashMap<>();
    private final Map<String, Long> drawnFrom = new HashMap<>();
    private final Map<Long, TradeIdea> latest = new HashMap<>();
    private volatile List<TradeIdea> newestFirst = List.of();
    private long nextId = 1;

    /**
     * Creates a book holding the ideas of an earlier run.
     *
     * @param restored the latest revision of earlier ideas (any order)
     * @param capacity ideas kept for history, at least 1
     */
    public IdeaBook(Collection<TradeIdea> restored, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        merge(restored);
    }

    /**
     * The revisions of one pass and the bars it has seen.
     *
     * @param revisions new or updated ideas, in the order they were made
     * @param barsSeen  per slot, the open time of the last bar evaluated
     * @param drawnFrom per slot given a new idea, the open time of the bar it was drawn from
     */
    public record Plan(List<TradeIdea> revisions, Map<String, Long> barsSeen, Map<String, Long> drawnFrom) {
        /** Copies the collections. */
        public Plan {
            revisions = List.copyOf(revisions);
            barsSeen = Map.copyOf(barsSeen);
            drawnFrom = Map.copyOf(drawnFrom);
        }
    }

    /**
     * Computes a pass without changing the book.
     *
     * @param observations what the generator sees, at most one per slot
     * @param now          the pass time
     * @return the revisions to commit, then {@link #apply}
     */
    public synchronized Plan plan(List<Observation> observations, Instant now) {
        List<TradeIdea> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Long> drawn = new HashMap<>();
        long id = nextId;
        for (Observation o : observations) {
            TradeIdea a = active.get(o.key());
            Optional<IdeaProposal> p = IdeaGenerator.propose(o.closes(), o.lastPrice(), o.regime(), o.confidence());
            boolean newBar = o.lastBarTime() > barsSeen.getOrDefault(o.key(), Long.MIN_VALUE);
            if (a != null) {
                TradeIdea closed = close(a, o, p, now);
                if (closed != null) {
                    out.add(closed);
                    a = null;
                } else if (newBar) {
                    double conf = IdeaGenerator.round4(o.confidence());
                    if (conf != a.confidence()) {
                        out.add(a.revise(now, IdeaStatus.ACTIVE, conf,
                                IdeaGenerator.estimatedPl(conf, a.price(), a.takeProfit(), a.stopLoss()), a.description()));
                    }
                }
            }
            if (a == null && p.isPresent() && o.lastBarTime() > drawnFrom.getOrDefault(o.key(), Long.MIN_VALUE)) {
                IdeaProposal q = p.get();
                drawn.put(o.key(), o.lastBarTime());
                out.add(new TradeIdea(id++, 0, o.instrument(), o.timeframe(), AssetClasses.of(o.instrument()), q.side(),
                        q.orderType(), q.prefix(), q.regime(), q.confidence(), q.estimatedPl(), q.price(),
                        q.takeProfit(), q.stopLoss(), now, now,
                        now.plusMillis(q.horizonBars() * o.timeframe().millis()), IdeaStatus.ACTIVE, q.description()));
            }
            seen.put(o.key(), o.lastBarTime());
        }
        return new Plan(out, seen, drawn);
    }

    private static TradeIdea close(TradeIdea a, Observation o, Optional<IdeaProposal> p, Instant now) {
        boolean buy = TradeIdea.BUY.equals(a.side());
        double last = o.lastPrice();
        if (!now.isBefore(a.expirationTime())) {
            return a.revise(now, IdeaStatus.EXPIRED, a.confidence(), a.estimatedPl(),
                    a.description() + " Expired at " + a.expirationTime() + ".");
        }
        if (buy ? last >= a.takeProfit() : last <= a.takeProfit()) {
            return a.revise(now, IdeaStatus.TAKE_PROFIT_HIT, a.confidence(), a.estimatedPl(),
                    a.description() + " Take-profit reached at " + last + ".");
        }
        if (buy ? last <= a.stopLoss() : last >= a.stopLoss()) {
            return a.revise(now, IdeaStatus.STOP_LOSS_HIT, a.confidence(), a.estimatedPl(),
                    a.description() + " Stop-loss reached at " + last + ".");
        }
        if (!o.regime().equals(a.regime())) {
            return a.revise(now, IdeaStatus.SUPERSEDED, a.confidence(), a.estimatedPl(),
                    a.description() + " Superseded: the regime changed to " + o.regime() + ".");
        }
        if (p.isPresent() && (!p.get().side().equals(a.side()) || !p.get().prefix().equals(a.prefix()))) {
            return a.revise(now, IdeaStatus.SUPERSEDED, a.confidence(), a.estimatedPl(),
                    a.description() + " Superseded by a " + p.get().side() + " " + p.get().prefix() + " idea.");
        }
        return null;
    }

    /**
     * Makes a committed pass current.
     *
     * @param plan a plan from {@link #plan}, committed
     */
    public synchronized void apply(Plan plan) {
        barsSeen.putAll(plan.barsSeen());
        drawnFrom.putAll(plan.drawnFrom());
        merge(plan.revisions());
    }

    /**
     * Takes revisions made elsewhere: those another replica's generator stored and published, or the latest ones
     * read back from the ideas table. A revision older than the one held is ignored, so merging twice is harmless.
     *
     * @param revisions the revisions, any order
     */
    public synchronized void merge(Collection<TradeIdea> revisions) {
        for (TradeIdea idea : revisions) {
            nextId = Math.max(nextId, idea.id() + 1);
        }
        absorb(revisions);
    }

    private void absorb(Collection<TradeIdea> revisions) {
        for (TradeIdea idea : revisions) {
            latest.merge(idea.id(), idea, (a, b) -> a.revision() >= b.revision() ? a : b);
            TradeIdea current = latest.get(idea.id());
            String key = Observation.key(current.instrument(), current.timeframe());
            if (current.status() == IdeaStatus.ACTIVE) {
                active.put(key, current);
            } else if (active.containsKey(key) && active.get(key).id() == current.id()) {
                active.remove(key);
            }
        }
        List<TradeIdea> sorted = new ArrayList<>(latest.values());
        sorted.sort(NEWEST_FIRST);
        if (sorted.size() > capacity) {
            for (TradeIdea old : sorted.subList(capacity, sorted.size())) {
                latest.remove(old.id());
            }
            sorted = sorted.subList(0, capacity);
        }
        newestFirst = List.copyOf(sorted);
    }

    /**
     * Returns the most recent ideas a profile receives, newest first (by last update).
     *
     * @param filters the profile's filters
     * @param limit   the most ideas to return, at least 1
     * @return the latest revision of each idea
     */
    public List<TradeIdea> history(IdeaFilters filters, int limit) {
        List<TradeIdea> out = new ArrayList<>(Math.min(limit, 64));
        for (TradeIdea idea : newestFirst) {
            if (idea.matches(filters)) {
                out.add(idea);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Returns the active idea of every slot.
     *
     * @return the ideas, by id
     */
    public synchronized List<TradeIdea> active() {
        List<TradeIdea> out = new ArrayList<>(active.values());
        out.sort(Comparator.comparingLong(TradeIdea::id));
        return out;
    }
}
