package org.openinfusion.station.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("numeric,bed=bed-01,device=monitor,stream=etco2,mdc=151728,unit=mm[Hg] v=38.5,seq=41i,rx=1795341600200000i 1795341600123456\n", lines);
    }

    @Test
    void stateBecomesAStringField() {
        String lines = LineProtocol.toLines(List.of(new StateSample(new DeviceRef("bed-01", "pump"), Stream.PUMP_STATE, "paused", T, RX, 2)));
        assertEquals("state,bed=bed-01,device=pump,stream=pump_state,mdc=184508 vs=\"paused\",seq=2i,rx=1795341600200000i 1795341600123456\n", lines);
    }

    @Test
    void waveformBecomesOnePointPerSampleAtItsOwnTimeAndSequence() {
        WaveformChunk c = new WaveformChunk(MONITOR, Stream.CO2, 62.5, T, RX, 100, new float[] {0f, 1.5f, 38f});
        String[] lines = LineProtocol.toLines(List.of(c)).split("\n");
        assertEquals(3, lines.length);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=0.0,seq=100i,rx=1795341600200000i 1795341600123456", lines[0]);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=1.5,seq=101i,rx=1795341600200000i 1795341600139456", lines[1]);
        assertEquals("waveform,bed=bed-01,device=monitor,stream=co2,mdc=151724,unit=mm[Hg] v=38.0,seq=102i,rx=1795341600200000i 1795341600155456", lines[2]);
    }

    @Test
    void tagValuesWithSpecialCharactersAreEscaped() {
        assertEquals("a\\,b\\ c\\=d", LineProtocol.escapeTag("a,b c=d"));
        assertEquals("say \\\"hi\\\"", LineProtocol.escapeString("say \"hi\""));
    }
}
