package org.openinfusion.station.clinical.session;

import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PretreatmentLeadTest {
    private static final Instant CAPSULE = Instant.parse("2026-11-22T09:00:00Z");
    private static final PretreatmentLead LEAD = new PretreatmentLead(
            ProtocolCatalog.builtIn().latest("ketamine-naltrexone-crossover").orElseThrow().pretreatment().orElseThrow(), CAPSULE);

    @Test
    void theCapsuleTimerCountsDownTheFortyFiveMinuteLead() {
        var t = LEAD.timer(CAPSULE.plus(Duration.ofMinutes(30)).plusSeconds(20));
        assertFalse(t.reached());
        assertEquals(Duration.ofMinutes(14).plusSeconds(40), t.remaining());
        assertEquals("Study capsule (naltrexone or placebo) given 30 min ago; the infusion starts after 45 min (15 min to go)", t.prompt());
    }

    @Test
    void aCapsuleGivenUnderAMinuteAgoWasGivenJustNowNeverZeroMinutesAgo() {
        assertEquals("Study capsule (naltrexone or placebo) given just now; the infusion starts after 45 min (45 min to go)",
                LEAD.timer(CAPSULE.plusSeconds(20)).prompt());
        assertEquals("Study capsule (naltrexone or placebo) given 1 min ago; the infusion starts after 45 min (44 min to go)",
                LEAD.timer(CAPSULE.plusSeconds(60)).prompt());
    }

    @Test
    void whenTheLeadIsReachedItPromptsForTheBaselineAndTheStart() {
        var t = LEAD.timer(CAPSULE.plus(Duration.ofMinutes(45)));
        assertTrue(t.reached());
        assertEquals(Duration.ZERO, t.remaining());
        assertEquals("45 min since Study capsule (naltrexone or placebo): rate the baseline, then start the infusion", t.prompt());
        assertEquals(CAPSULE.plus(Duration.ofMinutes(45)), LEAD.reachedAt());
    }

    @Test
    void anEarlyInfusionStartIsRefusedUnlessAReasonIsGiven() {
        Instant early = CAPSULE.plus(Duration.ofMinutes(40));
        var e = assertThrows(IllegalStateException.class, () -> LEAD.requireLeadOrReason(early, Optional.empty()));
        assertEquals("the infusion starts 45 min after Study capsule (naltrexone or placebo) (5 min to go): give a reason to start early",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> LEAD.requireLeadOrReason(early, Optional.of("  ")));
        LEAD.requireLeadOrReason(early, Optional.of("scanner slot moved forward; physician agrees"));
        LEAD.requireLeadOrReason(CAPSULE.plus(Duration.ofMinutes(45)), Optional.empty());
    }
}
