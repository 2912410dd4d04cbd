package org.openinfusion.station.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

class LineProtocolTest {
    private static final DeviceRef MONITOR = new DeviceRef("bed-01", "monitor");
    private static final Instant T = Instant.parse("2026-11-22T10:00:00.123456Z");
    private static final Instant RX = Instant.parse("2026-11-22T10:00:00.200Z");

    @Test
    void numericBecomesOnePointWithSequenceAndReceiveTime() {
        String lines = LineProtocol.toLines(List.of(new NumericSample(MONITOR, Stream.ETCO2, 38.5, T, RX, 41)));
        assertEquals("numeric,bed=bed-01,device=monitor,stream=etco2,mdc=151728,unit=mm[Hg] v=38.5,seq=41i,rx=1795341600200000i 1795341600123456041\n", lines);
    }

    @Test
    void stateBecomesAStringField() {
        String lines = LineProtocol.toLines(List.of(new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_STATE, "paused", T, RX, 2)));
        assertEquals("state,bed=bed-01,device=pump,stream=pump_state,mdc=184508 vs=\"paused\",seq=2i,rx=1795341600200000i 1795341600123456002\n", lines);
    }

    @Test
    void waveformBecomesOnePointPerSampleAtItsOwnTimeAndSequence() {
        WaveformChunk c = new WaveformChunk(MONITOR, Stream.CO2, 62.5, T, RX, 100, new float[] {0f, 1.5f, 38f});
        String[] lines = LineProtocol.toLines(List.of(c)).split("\n");
        assertEquals(3, lines.length);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=0.0,seq=100i,rx=1795341600200000i 1795341600123456100", lines[0]);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=1.5,seq=101i,rx=1795341600200000i 1795341600139456101", lines[1]);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=38.0,seq=102i,rx=1795341600200000i 1795341600155456102", lines[2]);
    }

    @Test
    void twoSamplesWithOneDeviceTimeButDifferentSequenceNumbersAreTwoPointsAndTheSameSampleIsOnePoint() {
        NumericSample first = new NumericSample(MONITOR, Stream.HR, 72, T, RX, 1041);
        NumericSample second = new NumericSample(MONITOR, Stream.HR, 75, T, RX, 1042);
        NumericSample replay = new NumericSample(MONITOR, Stream.HR, 72, T, RX.plusSeconds(30), 1041);

        assertNotEquals(timestamp(first), timestamp(second));
        assertEquals(timestamp(first), timestamp(replay));
        assertEquals(1795341600123456L, Long.parseLong(timestamp(first)) / 1000, "the device time keeps its microseconds");
    }

    @Test
    void aStreamWithoutAnMdcTermIsStoredWithoutAnMdcTag() {
        String line = LineProtocol.toLines(List.of(new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_ALARM, "none", T, RX, 7)));
        assertEquals("state,bed=bed-01,device=pump,stream=pump_alarm vs=\"none\",seq=7i,rx=1795341600200000i 1795341600123456007\n", line);
    }

    @Test
    void aSampleKeptBesideAStoredOneCarriesItsRevisionTag() {
        NumericSample s = new NumericSample(MONITOR, Stream.HR, 75, T, RX, 1041);
        String line = LineProtocol.toLines(new StoreRequest(List.of(s), List.of(1)));
        assertEquals("numeric,bed=bed-01,device=monitor,stream=hr,mdc=147842,unit=/min,rev=1 v=75.0,seq=1041i,rx=1795341600200000i 1795341600123456041\n", line);
    }

    @Test
    void microsecondLinesAreWidenedToNanosecondsAndNanosecondLinesAreLeftAlone() {
        String ns = "numeric,bed=b,device=d,stream=hr v=1.0,seq=1i,rx=2i 1795341600123456001\n";
        String us = "audit,station=s event=\"a b 1\",seq=3i 1795341600123456\n";
        assertEquals(ns, LineProtocol.withNanosecondTimes(ns));
        assertEquals(ns + "audit,station=s event=\"a b 1\",seq=3i 1795341600123456000\n" + ns,
                LineProtocol.withNanosecondTimes(ns + us + ns));
        assertEquals("x v=1 978307200000000000", LineProtocol.withNanosecondTimes("x v=1 978307200000000"), "2001 in us");
        assertEquals("x v=1 9223372036854775000", LineProtocol.withNanosecondTimes("x v=1 9223372036854775"), "InfluxDB's last time in us");
        assertEquals("x v=1 10000000000000000", LineProtocol.withNanosecondTimes("x v=1 10000000000000000"), "1970-04-26 in ns");
    }

    private static String timestamp(NumericSample s) {
        String line = LineProtocol.toLines(List.of(s)).strip();
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    @Test
    void tagValuesWithSpecialCharactersAreEscaped() {
        assertEquals("a\\,b\\ c\\=d", LineProtocol.escapeTag("a,b c=d"));
        assertEquals("say \\\"hi\\\"", LineProtocol.escapeString("say \"hi\""));
    }
}
