package org.openinfusion.station.clinical.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.EncodedAudit;
import org.openinfusion.station.clinical.alarm.AlarmEngine;
import org.openinfusion.station.clinical.dose.SubjectMeasures;
import org.openinfusion.station.clinical.session.SessionEvent;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.testing.MutableClock;
import org.openinfusion.station.testing.Sessions;

/**
 * A monitor whose clock is two hours behind the station's: its cuff readings keep their own age, shifted by the
 * offset learnt from its continuous values, so a fresh reading is neither stale nor "overdue".
 */
class DeviceClockOffsetTest {
    private static final Duration BEHIND = Duration.ofHours(2);
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final DeviceRef PUMP = new DeviceRef("bed-01", "pump");

    private final List<String> audit = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final SessionService service = Sessions.service((EncodedAudit) (t, a, s, p) -> audit.add(t + " " + p.get("alarm")), clock);

    private void monitorSecond(double hr) {
        Instant now = clock.instant();
        service.numeric(new NumericSample(MONITOR, Stream.HR, hr, now.minus(BEHIND), now, 0));
    }

    private void cuff(double sys, double dia) {
        Instant now = clock.instant();
        service.numeric(new NumericSample(MONITOR, Stream.NIBP_SYS, sys, now.minus(BEHIND), now, 0));
        service.numeric(new NumericSample(MONITOR, Stream.NIBP_DIA, dia, now.minus(BEHIND), now, 0));
    }

    private void pump(double vi) {
        Instant now = clock.instant();
        service.state(new StateSample(PUMP, Stream.PUMP_STATE, "infusing", now, now, 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_RATE, 150, now, now, 0));
        service.numeric(new NumericSample(PUMP, Stream.PUMP_VOLUME_INFUSED, vi, now, now, 0));
    }

    private boolean raised(String alarmPrefix) {
        return audit.stream().anyMatch(a -> a.startsWith("alarm.raised " + alarmPrefix));
    }

    @Test
    void aFreshCuffReadingFromAMonitorWhoseClockIsBehindIsCurrent() {
        service.create("nurse1", "bed-01", "ketamine-midazolam-active-placebo", "KET-200", SubjectMeasures.weight(80), "KIT-1");
        service.command("bed-01", new SessionEvent.BaselineStarted(clock.instant(), "nurse1"));
        for (int minute = 0; minute <= 10; minute++) {
            monitorSecond(72);
            pump(minute * 2.5);
            if (minute == 5) {
                cuff(190, 85);
            }
            service.tick();
            clock.advance(Duration.ofMinutes(1));
        }
        assertFalse(raised(AlarmEngine.NIBP_OVERDUE), "the reading at 5 min is 5 min old at 10 min, not 2 h: " + audit);
        assertTrue(raised("LIMIT:nibp_sys"), "the high systolic pressure is current and alarms: " + audit);
    }

    @Test
    void aLateFlushOfTheMonitorsValuesWritesNoNewClockOffsetToTheTrail() {
        List<String> offsets = new ArrayList<>();
        SessionService watched = Sessions.service((EncodedAudit) (t, a, s, p) -> {
            if (t.equals("device.clock_offset")) {
                offsets.add(p.get("device") + " " + p.get("offsetMillis"));
            }
        }, clock);
        watched.create("nurse1", "bed-01", "ketamine-midazolam-active-placebo", "KET-201", SubjectMeasures.weight(80), "KIT-2");
        Instant start = clock.instant();
        watched.numeric(new NumericSample(MONITOR, Stream.HR, 72, start.minus(BEHIND), start, 0));
        // the station was away 3 min: the broker hands over what it held, each value 3 min after it was measured
        clock.advance(Duration.ofMinutes(4));
        for (int s = 0; s <= 60; s++) {
            watched.numeric(new NumericSample(MONITOR, Stream.HR, 72, start.plusSeconds(s).minus(BEHIND), clock.instant(), 0));
        }
        assertEquals(List.of("monitor " + BEHIND.toMillis()), offsets,
                "the offset is the least over the window: a delivery delay is not the device's clock (the exports correct times with it)");
    }
}
