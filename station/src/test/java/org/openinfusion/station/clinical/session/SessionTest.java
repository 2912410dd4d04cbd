package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.DoseCalculator;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

class SessionTest {
    static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    static Session newSession(String protocolId) {
        Protocol p = ProtocolCatalog.builtIn().latest(protocolId).orElseThrow();
        SubjectMeasures m = SubjectMeasures.weight(72);
        var created = new SessionEvent.Created(T, "nurse-1", "S-1", "KET-014", m, p.id(), p.version(), "KIT-0042", "bed-01");
        return Session.start(created, p, DoseCalculator.plan(p.infusion(), m));
    }

    @Test
    void aSessionWalksFromCreatedToClosed() {
        Session s = newSession("ketamine-naltrexone-crossover")
                .apply(new SessionEvent.BaselineStarted(T.plusSeconds(60), "nurse-1"))
                .apply(new SessionEvent.PretreatmentGiven(T.plusSeconds(600), "nurse-1"))
                .apply(new SessionEvent.InfusionStarted(T.plusSeconds(3300), "pump", "pump"))
                .apply(new SessionEvent.InfusionPaused(T.plusSeconds(3900), "pump"))
                .apply(new SessionEvent.InfusionResumed(T.plusSeconds(4000), "pump"))
                .apply(new SessionEvent.InfusionCompleted(T.plusSeconds(5800), "pump", 36))
                .apply(new SessionEvent.ObservationStarted(T.plusSeconds(5900), "nurse-1"))
                .apply(new SessionEvent.ReadyForDischarge(T.plusSeconds(14000), "dr-1"))
                .apply(new SessionEvent.Closed(T.plusSeconds(14100), "nurse-1", "discharged"));
        assertEquals(SessionState.CLOSED, s.state());
        assertEquals(T.plusSeconds(3300), s.infusionStart().orElseThrow());
        assertEquals(T.plusSeconds(5800), s.infusionEnd().orElseThrow());
    }

    @Test
    void illegalTransitionsAreRefusedWithAClearMessage() {
        Session s = newSession("ketamine-naltrexone-crossover");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> s.apply(new SessionEvent.InfusionPaused(T.plusSeconds(1), "nurse-1")));
        assertEquals("session S-1 is CREATED: cannot infusion paused (allowed from [INFUSING])", e.getMessage());
    }

    @Test
    void thePretreatmentMustBeRecordedBeforeTheInfusionWhenTheProtocolHasOne() {
        Session s = newSession("ketamine-naltrexone-crossover").apply(new SessionEvent.BaselineStarted(T.plusSeconds(1), "n"));
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> s.apply(new SessionEvent.InfusionStarted(T.plusSeconds(2), "pump", "pump")));
        assertTrue(e.getMessage().contains("record the pretreatment (Study capsule (naltrexone or placebo))"), e.getMessage());
    }

    @Test
    void aProtocolWithoutPretreatmentGoesStraightFromBaselineToInfusion() {
        Session s = newSession("ketamine-midazolam-active-placebo").apply(new SessionEvent.BaselineStarted(T.plusSeconds(1), "n"));
        assertEquals(SessionState.INFUSING, s.apply(new SessionEvent.InfusionStarted(T.plusSeconds(2), "n", "nurse")).state());
        assertThrows(IllegalTransitionException.class, () -> s.apply(new SessionEvent.PretreatmentGiven(T.plusSeconds(2), "n")));
    }

    @Test
    void stepsCannotGoBackInTime() {
        Session s = newSession("ketamine-midazolam-active-placebo").apply(new SessionEvent.BaselineStarted(T.plusSeconds(100), "n"));
        assertThrows(IllegalTransitionException.class, () -> s.apply(new SessionEvent.InfusionStarted(T.plusSeconds(50), "n", "nurse")));
    }

    @Test
    void subjectCodesOnlyNeverNames() {
        assertThrows(IllegalArgumentException.class, () -> SubjectCode.require("John Smith"));
        assertThrows(IllegalArgumentException.class, () -> SubjectCode.require("SMITH"));
        SubjectCode.require("KET-014");
    }
}
