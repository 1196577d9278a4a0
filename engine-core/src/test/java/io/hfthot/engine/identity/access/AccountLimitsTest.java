package io.hfthot.engine.identity.access;

import io.hfthot.engine.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.KeyLimits;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.StreamGrant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Keys minted by a key share its account's windows, stream slots and live-key cap. */
class AccountLimitsTest {
    private final TestClock clock = TestClock.fixed();
    private final AccessControl access = AccessControl.inMemory(clock, RandomSecrets.system(),
            KeyLimits.parse("free=3,hob=5,pro=20,ent=100", 20));

    private Principal principal(IssuedApiKey k) {
        return k.record().principal();
    }

    private Principal mint(Principal by, Tier tier) {
        AccountKeys.Issue issue = access.accountKeys().create(by, tier, clock.instant());
        assertTrue(issue.decision().allowed(), issue.decision().message());
        return principal(issue.key());
    }

    @Test
    void mintedKeysShareTheAccountsRestWindow() {
        Principal first = principal(access.keys().issue("alice", Tier.FREE_BETA));
        Principal second = mint(first, Tier.FREE_BETA);
        Principal third = mint(first, Tier.FREE_BETA);
        assertEquals("alice", third.ownerId(), "a minted key belongs to the creating key's account");
        int allowed = 0;
        for (Principal p : List.of(first, second, third)) {
            for (int i = 0; i < 60; i++) {
                if (access.decide(p, Feature.REST_REQUEST, clock.instant()).allowed()) {
                    allowed++;
                }
            }
        }
        assertEquals(60, allowed, "three Free keys of one account make 60 requests a minute, not 180");
        QuotaDecision refused = access.decide(third, Feature.REST_REQUEST, clock.instant());
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertTrue(refused.message().contains("shared by every key of the account"), refused.message());
        // Another account is not affected.
        Principal bob = principal(access.keys().issue("bob", Tier.FREE_BETA));
        assertTrue(access.decide(bob, Feature.REST_REQUEST, clock.instant()).allowed());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(access.decide(second, Feature.REST_REQUEST, clock.instant()).allowed());
    }

    @Test
    void featureQuotasAreSharedByTheAccountsKeys() {
        Principal hob = principal(access.keys().issue("carol", Tier.HOBBYIST));
        Principal other = mint(hob, Tier.HOBBYIST);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += access.decide(hob, Feature.LAKEHOUSE_SQL, clock.instant()).allowed() ? 1 : 0;
            allowed += access.decide(other, Feature.LAKEHOUSE_SQL, clock.instant()).allowed() ? 1 : 0;
        }
        assertEquals(10, allowed, "Hobbyist SQL is 10 an hour per account");
        int optimisations = 0;
        for (int i = 0; i < 60; i++) {
            optimisations += access.decide(i % 2 == 0 ? hob : other, Feature.PORTFOLIO_OPTIMIZATION,
                    clock.instant()).allowed() ? 1 : 0;
        }
        assertEquals(50, optimisations, "Hobbyist portfolio optimisation is 50 a day per account");
    }

    @Test
    void streamSlotsAreCountedPerAccount() {
        Principal pro = principal(access.keys().issue("dave", Tier.PROFESSIONAL));
        List<Principal> keys = new ArrayList<>(List.of(pro));
        for (int i = 0; i < 9; i++) {
            keys.add(mint(pro, Tier.PROFESSIONAL));
        }
        int open = 0;
        for (Principal p : keys) {
            for (int i = 0; i < 10; i++) {
                StreamGrant g = access.openStream(p, clock.instant());
                open += g.decision().allowed() ? 1 : 0;
            }
        }
        assertEquals(10, open, "ten Professional keys of one account hold 10 streams, not 100");
        assertEquals(10, access.usage(keys.get(3), clock.instant()).wsActive());
        StreamGrant refused = access.openStream(keys.get(5), clock.instant());
        assertEquals(ErrorCode.RATE_LIMITED, refused.decision().code());
        assertTrue(refused.decision().message().contains("per account"), refused.decision().message());
    }

    @Test
    void liveKeysAreCappedPerAccountAndRevokingFreesASlot() {
        Principal free = principal(access.keys().issue("erin", Tier.FREE_BETA));
        mint(free, Tier.FREE_BETA);
        Principal third = mint(free, Tier.FREE_BETA);
        AccountKeys.Issue refused = access.accountKeys().create(free, Tier.FREE_BETA, clock.instant());
        assertEquals(ErrorCode.RATE_LIMITED, refused.decision().code());
        assertTrue(refused.decision().message().contains("at most 3 live API keys"), refused.decision().message());
        assertEquals(3, access.keys().keysOf("erin").size(), "a refused creation writes nothing");
        assertTrue(access.accountKeys().revoke(free, third.keyId()).isPresent());
        assertTrue(access.accountKeys().create(free, Tier.FREE_BETA, clock.instant()).decision().allowed());
    }

    @Test
    void aKeyCreatesKeysOfItsTierOrLowerOnly() {
        Principal hob = principal(access.keys().issue("frank", Tier.HOBBYIST));
        AccountKeys.Issue up = access.accountKeys().create(hob, Tier.PROFESSIONAL, clock.instant());
        assertEquals(ErrorCode.TIER_REQUIRED, up.decision().code());
        assertEquals(Tier.PROFESSIONAL, up.decision().required().orElseThrow());
        assertEquals("frank", mint(hob, Tier.FREE_BETA).ownerId());
    }

    @Test
    void creationsAreRateLimitedPerAccountEvenWhenKeysAreRevoked() {
        AccessControl tight = AccessControl.inMemory(clock, RandomSecrets.system(),
                KeyLimits.parse("free=100", 3));
        Principal free = principal(tight.keys().issue("gina", Tier.FREE_BETA));
        int created = 0;
        for (int i = 0; i < 10; i++) {
            AccountKeys.Issue issue = tight.accountKeys().create(free, Tier.FREE_BETA, clock.instant());
            if (issue.decision().allowed()) {
                created++;
                // Revoking straight away keeps the live count low; the creation window still counts.
                tight.accountKeys().revoke(free, issue.key().record().keyId());
            } else {
                assertEquals(ErrorCode.RATE_LIMITED, issue.decision().code());
                assertTrue(issue.decision().message().contains("3 API keys per 24 hours; the next creation is possible at "
                        + clock.instant().plus(Duration.ofDays(1))), issue.decision().message());
            }
        }
        assertEquals(3, created);
        assertEquals(4, tight.keys().keysOf("gina").size(), "the table grows by the window, not by the attempts");
        clock.advance(Duration.ofDays(1));
        assertTrue(tight.accountKeys().create(free, Tier.FREE_BETA, clock.instant()).decision().allowed());
    }

    @Test
    void revocationIsImmediateOwnerOnlyAndTellsListeners() {
        IssuedApiKey mine = access.keys().issue("hank", Tier.PROFESSIONAL);
        Principal hank = principal(mine);
        Principal stranger = principal(access.keys().issue("ivy", Tier.ENTERPRISE));
        AtomicInteger closed = new AtomicInteger();
        AccountKeys.Registration registration = access.accountKeys().onRevoke(hank.keyId(), closed::incrementAndGet);
        assertTrue(access.accountKeys().revoke(stranger, hank.keyId()).isEmpty(), "another account cannot revoke it");
        assertTrue(access.keys().verify(mine.rawKey()).isPresent());
        assertEquals(0, closed.get());
        assertTrue(access.accountKeys().revoke(hank, hank.keyId()).isPresent(), "a key may revoke itself");
        assertFalse(access.keys().verify(mine.rawKey()).isPresent(), "refused from the next request on");
        assertEquals(1, closed.get());
        assertTrue(access.accountKeys().revoke(hank, "0123456789abcdef").isEmpty());
        // A stream registered after the revocation (authenticated just before it) is closed at once.
        access.accountKeys().onRevoke(hank.keyId(), closed::incrementAndGet);
        assertEquals(2, closed.get());
        registration.close();
    }

    @Test
    void keyLimitsParseAndNameBadInput() {
        KeyLimits limits = KeyLimits.parse("pro=7", 5);
        assertEquals(7, limits.liveKeys(Tier.PROFESSIONAL));
        assertEquals(3, limits.liveKeys(Tier.FREE_BETA));
        assertEquals(Map.of(Tier.FREE_BETA, 3, Tier.HOBBYIST, 5, Tier.PROFESSIONAL, 20, Tier.ENTERPRISE, 100),
                KeyLimits.defaults().liveKeys());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyLimits.parse("pro=0", 5));
        assertTrue(e.getMessage().contains("professional") && e.getMessage().contains("got 0"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyLimits.parse("pro", 5));
        assertTrue(e.getMessage().contains("'pro'"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> KeyLimits.parse("", 0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }
}
