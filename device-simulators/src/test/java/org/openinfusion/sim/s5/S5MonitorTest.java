package org.openinfusion.sim.s5;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;
import org.openinfusion.sim.signal.InfusionPlan;
import org.openinfusion.sim.signal.SimulatedPatient;

class S5MonitorTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final int LEVEL = S5Settings.DEFAULT_DRI_LEVEL;

    private final FaultSwitches faults = new FaultSwitches(Clock.fixed(START, ZoneOffset.UTC));
    private final S5Monitor monitor = new S5Monitor(new SimulatedPatient(42, InfusionPlan.defaults()),
            S5Settings.defaults(), faults, START);
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private Instant now = START;

    @Test
    void theMonitorIsSilentUntilAsked() {
        run(Duration.ofSeconds(3));
        assertEquals(0, wire.size());
    }

    @Test
    void aNumericsRequestBringsPhysiologicalRecordsAtTheDocumentedOffsets() {
        // given
        request(DriHost.numericsRequest(LEVEL, 5));
        // when just under ten seconds pass
        run(Duration.ofMillis(9990));
        // then one record right away and one every 5 s
        List<DriHost.Received> records = DriHost.split(wire.toByteArray());
        assertEquals(2, records.size());
        DriHost.Received r = records.get(0);
        int block = r.subrecord(0) + 4;
        assertAll(
                () -> assertTrue(r.checksumOk()),
                () -> assertEquals(r.record().length, r.i16(0)),
                () -> assertEquals(40 + 278, r.record().length),
                () -> assertEquals(LEVEL, r.u8(3)),
                () -> assertEquals(START.getEpochSecond(), r.u32(6)),
                () -> assertEquals(0, r.maintype()),
                () -> assertEquals(1, r.subrecordType(0)),
                () -> assertEquals(0xFF, r.subrecordType(1)),
                () -> assertEquals(START.getEpochSecond(), r.u32(r.subrecord(0))),
                () -> assertTrue(r.i16(block + 6) >= 50 && r.i16(block + 6) <= 110, "hr"),
                () -> assertTrue(r.i16(block + 124) >= 9000 && r.i16(block + 124) <= 10000, "spo2"),
                () -> assertTrue(r.i16(block + 126) >= 50 && r.i16(block + 126) <= 110, "pr"),
                () -> assertEquals(7600, r.i16(block + 144), "ambient pressure"),
                () -> assertTrue(etco2Mmhg(r, block) > 25 && etco2Mmhg(r, block) < 50, "etco2"),
                () -> assertTrue(r.i16(block + 142) >= 8 && r.i16(block + 142) <= 24, "rr"),
                () -> assertEquals(-32767, r.i16(block + 78), "no NIBP before the first cuff cycle"),
                () -> assertEquals(3, r.u32(block + 118), "SpO2 group exists and is active"));
        assertEquals(1, records.get(1).u8(2) - records.get(0).u8(2), "record numbers count up");
    }

    @Test
    void nibpStaysOnTheDisplayBetweenCuffCyclesAndChangesWithANewReading() {
        // given the numerics run for 11 minutes at 60 s
        request(DriHost.numericsRequest(LEVEL, 60));
        run(Duration.ofMinutes(11));
        List<Integer> systolic = DriHost.split(wire.toByteArray()).stream()
                .map(r -> r.i16(r.subrecord(0) + 4 + 78)).toList();
        // then: invalid until the first cycle ends (<= 40 s), one value for minutes 1-5, then a new one
        assertEquals(-32767, systolic.get(0));
        assertTrue(systolic.subList(1, 5).stream().distinct().count() == 1, systolic.toString());
        assertTrue(systolic.get(1) > 8000 && systolic.get(1) < 20000, systolic.toString());
        assertNotEquals(systolic.get(4), systolic.get(6), systolic.toString());
        assertEquals(systolic.get(6), systolic.get(9));
    }

    @Test
    void aRequestOfAnotherDriLevelIsIgnored() {
        request(DriHost.numericsRequest(LEVEL - 1, 5));
        request(DriHost.waveRequest(LEVEL + 1, true, 1));
        run(Duration.ofSeconds(2));
        assertEquals(0, wire.size());
        assertEquals(2, monitor.ignoredRequests());
    }

    @Test
    void anIntervalOfZeroStopsTheNumerics() {
        request(DriHost.numericsRequest(LEVEL, 5));
        run(Duration.ofSeconds(1));
        request(DriHost.numericsRequest(LEVEL, 0));
        run(Duration.ofSeconds(10));
        assertEquals(1, DriHost.split(wire.toByteArray()).size());
    }

    @Test
    void wavesStreamAtTheDeviceRatesInRecordsOfAtMost250Ms() {
        // given ECG1, pleth and CO2 (425 samples/s, within the 600 budget)
        request(DriHost.waveRequest(LEVEL, true, 1, 8, 9, 0x33));
        // when
        run(Duration.ofMillis(2010));
        // then every sample due at the last record (t = 2.01 s) was sent
        List<DriHost.Received> records = DriHost.split(wire.toByteArray());
        int[] counts = new int[16];
        for (DriHost.Received r : records) {
            assertEquals(1, r.maintype());
            for (int n = 0; r.subrecordType(n) != 0xFF; n++) {
                counts[r.subrecordType(n)] += r.i16(r.subrecord(n));
            }
        }
        assertEquals(11, records.size());
        assertEquals(603, counts[1]);
        assertEquals(201, counts[8]);
        assertEquals(50, counts[9]);
    }

    @Test
    void wavesOverTheSampleBudgetAreNotStreamedAndStopEndsTheStream() {
        request(DriHost.waveRequest(LEVEL, true, 1, 2, 3, 8));
        run(Duration.ofSeconds(1));
        request(DriHost.waveRequest(LEVEL, false));
        int before = DriHost.split(wire.toByteArray()).size();
        run(Duration.ofSeconds(1));
        List<DriHost.Received> records = DriHost.split(wire.toByteArray());
        assertEquals(List.of(1, 2), List.of(records.get(0).subrecordType(0), records.get(0).subrecordType(1)));
        assertEquals(0xFF, records.get(0).subrecordType(2));
        assertEquals(before, records.size());
    }

    @Test
    void sensorOffSendsInvalidSpo2AndCo2() {
        faults.enable(Fault.SENSOR_OFF);
        request(DriHost.numericsRequest(LEVEL, 5));
        run(Duration.ofSeconds(1));
        DriHost.Received r = DriHost.split(wire.toByteArray()).get(0);
        int block = r.subrecord(0) + 4;
        assertAll(
                () -> assertEquals(-32767, r.i16(block + 124)),
                () -> assertEquals(-32767, r.i16(block + 126)),
                () -> assertEquals(-32767, r.i16(block + 138)),
                () -> assertEquals(-32767, r.i16(block + 142)),
                () -> assertEquals(1, r.u32(block + 118), "SpO2 group exists but is not active"),
                () -> assertFalse(r.i16(block + 6) <= -32001, "the ECG still counts"));
    }

    @Test
    void corruptChecksumSendsFramesTheHostRejects() {
        faults.enable(Fault.CORRUPT_CHECKSUM);
        request(DriHost.numericsRequest(LEVEL, 5));
        run(Duration.ofSeconds(1));
        assertFalse(DriHost.split(wire.toByteArray()).get(0).checksumOk());
    }

    private static double etco2Mmhg(DriHost.Received r, int block) {
        return r.i16(block + 138) * r.i16(block + 144) * 1e-5;
    }

    private void request(byte[] frame) {
        monitor.received(frame, now, wire::writeBytes);
    }

    private void run(Duration duration) {
        Instant end = now.plus(duration);
        while (now.isBefore(end)) {
            now = now.plusMillis(10);
            monitor.tick(now, wire::writeBytes);
        }
    }
}
