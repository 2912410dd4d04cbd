package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.clinical.session.SessionState;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/**
 * The pump starts before the protocol's pretreatment is recorded: the station records what happened (infusion
 * events audited), raises a high-priority alarm, and lets staff record the step and confirm the start; nothing throws.
 */
class PumpStartedEarlyTest {
    private record Entry(String type, Map<String, Object> payload) {
    }

    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump");
    private final List<Entry> audit = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final SessionService service = Sessions.service((EncodedAudit) (t, a, s, p) -> audit.add(new Entry(t, p)), clock);

    private void pumpSecond(double vi) {
        Instant now = clock.instant();
        service.state(new StateSample(PUMP, Stream.PUMP_STATE, "infusing", now, now, 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, 150, now, now, 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, vi, now, now, 0));
        clock.advance(Duration.ofSeconds(1));
    }

    private long count(String type, String alarm) {
        return audit.stream().filter(e -> e.type().equals(type) && alarm.equals(e.payload().get("alarm"))).count();
    }

    @Test
    void aPumpStartedBeforeThePretreatmentIsRecordedAndAlarmedUntilStaffConfirmTheStart() {
        service.create("nurse1", "bed-01", "ketamine-buprenorphine-double-dummy", "KET-300", SubjectMeasures.weight(70), "KIT-3");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        for (int s = 0; s < 5; s++) {
            pumpSecond(s * 0.04);
        }
        assertTrue(audit.stream().anyMatch(e -> e.type().equals("infusion.started")), "what the pump did is recorded");
        assertEquals(1, count("alarm.raised", "TECH:PUMP_STARTED_EARLY"));
        assertTrue(audit.stream().filter(e -> e.type().equals("alarm.raised")).anyMatch(e -> String.valueOf(e.payload().get("message"))
                .contains("before the pretreatment")), audit.toString());
        assertEquals(SessionState.BASELINE, service.onBed("bed-01").orElseThrow().session().state(), "no step is skipped");

        service.command("bed-01", new SessionEvent.PretreatmentGiven(clock.instant(), "nurse1"));
        pumpSecond(0.25);
        assertEquals(0, count("alarm.cleared", "TECH:PUMP_STARTED_EARLY"), "still to confirm the start");
        service.command("bed-01", new SessionEvent.InfusionStarted(clock.instant(), "nurse1", "nurse"));
        assertEquals(SessionState.INFUSING, service.onBed("bed-01").orElseThrow().session().state());
        assertEquals(1, count("alarm.cleared", "TECH:PUMP_STARTED_EARLY"), audit.toString());
    }
}
