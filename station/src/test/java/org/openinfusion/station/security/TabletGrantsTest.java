package org.openinfusion.station.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.MutableClock;

/** One-time codes and tablet tokens for one rating each: single use, expiry, idle lock, guessing withdrawn. */
class TabletGrantsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final TabletGrants grants = new TabletGrants(clock, Duration.ofMinutes(5), Duration.ofMinutes(3));
    private final Principal nurse = new Principal("nurse1", Role.NURSE, "Nurse One");

    private TabletGrants.Handover handover(String form) {
        return new TabletGrants.Handover(grants.newHandoverId(), "bed-01", "s-1", "baseline", form, nurse);
    }

    @Test
    void aCodeUnlocksOnceForItsRatingAndThenReadsAsUsed() {
        TabletGrants.Handover h = handover("vas");
        String code = grants.issue(h).code();
        var unlocked = assertInstanceOf(TabletGrants.Unlocked.class, grants.redeem(code));
        assertEquals(Optional.of(h), grants.resolve(unlocked.token()));
        var again = assertInstanceOf(TabletGrants.Refused.class, grants.redeem(code));
        assertEquals(TabletGrants.Refusal.USED, again.why());
    }

    @Test
    void aCodeExpiresAfterItsValidityAndAnIdleTokenLocksAndIsReportedOnce() {
        String late = grants.issue(handover("vas")).code();
        String used = grants.issue(handover("ocs")).code();
        var unlocked = assertInstanceOf(TabletGrants.Unlocked.class, grants.redeem(used));
        clock.advance(Duration.ofMinutes(3));
        assertEquals(Optional.empty(), grants.resolve(unlocked.token()));
        assertEquals(1, grants.sweep().size());
        assertEquals(List.of(), grants.sweep());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(TabletGrants.Refusal.EXPIRED, assertInstanceOf(TabletGrants.Refused.class, grants.redeem(late)).why());
    }

    @Test
    void useKeepsATokenAliveAndLockingEndsIt() {
        var unlocked = grants.unlock(handover("vas"));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(2));
            assertTrue(grants.resolve(unlocked.token()).isPresent(), "used every 2 min, idle lock 3 min");
        }
        assertTrue(grants.lock(unlocked.token()).isPresent());
        assertEquals(Optional.empty(), grants.resolve(unlocked.token()));
    }

    @Test
    void tenWrongCodesWithdrawEveryOutstandingCodeAndCodesAreSixDistinctDigits() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String c = grants.issue(new TabletGrants.Handover("h" + i, "bed-01", "s-" + i, "baseline", "vas", nurse)).code();
            assertTrue(c.matches("\\d{6}"), c);
            codes.add(c);
        }
        assertEquals(50, codes.size());
        TabletGrants.Refused last = null;
        for (int i = 0; i < TabletGrants.MAX_WRONG_CODES; i++) {
            String wrong = "x" + i;
            last = assertInstanceOf(TabletGrants.Refused.class, grants.redeem(wrong));
        }
        assertEquals(50, last.withdrawn().size());
        assertEquals(TabletGrants.Refusal.WITHDRAWN, assertInstanceOf(TabletGrants.Refused.class, grants.redeem(codes.iterator().next())).why());
    }
}
