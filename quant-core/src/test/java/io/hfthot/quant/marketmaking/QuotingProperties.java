package io.hfthot.quant.marketmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The quoting contract's invariants over random, well-conditioned market parameters. */
class QuotingProperties {
    private static final List<QuotingModel> MODELS = List.of(new AvellanedaStoikov(), new GlftAsymptotic(),
            new GlftExact(), new FlooredQuotingModel(new GlftExact(), 0.5));

    @Provide
    Arbitrary<QuoteRequest> requests() {
        return Combinators.combine(Arbitraries.doubles().between(0.01, 1).ofScale(6), Arbitraries.doubles().between(0, 2000).ofScale(6),
                Arbitraries.doubles().between(0.001, 0.5).ofScale(6), Arbitraries.doubles().between(0.1, 5).ofScale(6),
                Arbitraries.doubles().between(0.1, 5).ofScale(6), Arbitraries.integers().between(1, 25))
                .as((sigma, tau, gamma, a, k, limit) -> new QuoteRequest(100, 0, sigma, tau, gamma, a, k, limit));
    }

    private static boolean resolvable(QuoteRequest r) {
        try {
            for (int q = -r.maxInventory(); q <= r.maxInventory(); q++) {
                new GlftExact().quote(r.withInventory(q));
            }
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    @Property(tries = 60, seed = "2013")
    void bidAtQIsAskAtMinusQAndQuotesAreMonotone(@ForAll("requests") QuoteRequest r) {
        Assume.that(resolvable(r));
        for (QuotingModel model : MODELS) {
            for (int q = -r.maxInventory() + 1; q <= r.maxInventory() - 1; q++) {
                Quote here = model.quote(r.withInventory(q));
                Quote mirror = model.quote(r.withInventory(-q));
                double tol = 1e-9 * Math.max(1, Math.abs(here.bidOffset()));
                assertEquals(here.bidOffset(), mirror.askOffset(), tol, model.name() + " q=" + q);
                if (q + 1 <= r.maxInventory() - 1) {
                    Quote longer = model.quote(r.withInventory(q + 1));
                    assertTrue(longer.bidOffset() >= here.bidOffset() - tol, model.name() + " bid q=" + q);
                    assertTrue(longer.askOffset() <= here.askOffset() + tol, model.name() + " ask q=" + q);
                }
            }
        }
    }

    @Property(tries = 40, seed = "2008")
    void exactQuotesStartAtTheIntensityTermAndWidenWithTime(@ForAll("requests") QuoteRequest r) {
        Assume.that(resolvable(r) && r.maxInventory() >= 2);
        double c = Math.log1p(r.riskAversion() / r.intensityK()) / r.riskAversion();
        GlftExact model = new GlftExact();
        Quote atHorizon = model.quote(r.withTimeLeft(0).withInventory(1));
        assertEquals(c, atHorizon.bidOffset(), 1e-12 * Math.max(1, c));
        // A long book's bid moves away from the mid as the horizon recedes (more time to carry risk).
        Quote early = model.quote(r.withInventory(1));
        assertTrue(early.bidOffset() >= c - 1e-12 * Math.max(1, c));
    }
}
