package org.openinfusion.station.device.s5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openinfusion.station.device.s5.S5TestRecords.TIME;
import static org.openinfusion.station.device.s5.S5TestRecords.concat;
import static org.openinfusion.station.device.s5.S5TestRecords.frame;
import static org.openinfusion.station.device.s5.S5TestRecords.phdbRecord;
import static org.openinfusion.station.device.s5.S5TestRecords.record;
import static org.openinfusion.station.device.s5.S5TestRecords.wave;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.RecordingOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

class S5DecoderTest {
    private static final DeviceRef MON = new DeviceRef("bed-01", "mon1");
    private static final Instant NOW = Instant.ofEpochSecond(TIME).plusMillis(300);

    private final S5Decoder decoder = new S5Decoder(MON);
    private final RecordingOutput out = new RecordingOutput();

    private void feed(byte[] bytes) {
        decoder.decode(bytes, 0, bytes.length, NOW, out);
    }

    private Map<Stream, Double> numerics() {
        return out.observations.stream().filter(o -> o instanceof NumericSample).map(o -> (NumericSample) o)
                .collect(Collectors.toMap(NumericSample::stream, NumericSample::value, (a, b) -> b));
    }

    @Test
    void displayedValuesBecomeNumericsInStreamUnits() {
        feed(frame(phdbRecord(6, 72, 124, 9800, 126, 71, 138, 500, 142, 14, 144, 7600, 78, 12400, 80, 7800, 82, 9300)));

        Map<Stream, Double> v = numerics();
        assertEquals(72, v.get(Stream.HR));
        assertEquals(98.0, v.get(Stream.SPO2), 1e-9);
        assertEquals(71, v.get(Stream.PULSE_RATE));
        assertEquals(38.0, v.get(Stream.ETCO2), 1e-9);
        assertEquals(14, v.get(Stream.RESP_RATE));
        assertEquals(124.0, v.get(Stream.NIBP_SYS), 1e-9);
        assertEquals(78.0, v.get(Stream.NIBP_DIA), 1e-9);
        assertEquals(93.0, v.get(Stream.NIBP_MEAN), 1e-9);
        assertEquals(Instant.ofEpochSecond(TIME), out.observations.get(0).deviceTime());
        assertEquals(NOW, out.observations.get(0).receiveTime());
        assertTrue(out.problems.isEmpty(), out.details.toString());
    }

    @Test
    void sentinelsAreNoValuesWithTheirReasonAndNeverNumbers() {
        feed(frame(phdbRecord(6, -32767, 124, -32766, 126, -32765, 138, -32764, 144, 7600, 142, -32763)));

        assertTrue(out.observations.isEmpty(), out.observations.toString());
        assertEquals(5 , out.count(Problem.NO_VALUE), out.details.toString());
        String all = String.join(";", out.details);
        for (String reason : new String[] {"hr: invalid", "spo2: not updated", "pr: discontinuity", "etco2: under range", "rr: over range"}) {
            assertTrue(all.contains(reason), all);
        }
    }

    @Test
    void etco2WithoutAmbientPressureIsNoValue() {
        feed(frame(phdbRecord(138, 500, 144, -32762)));

        assertTrue(numerics().get(Stream.ETCO2) == null);
        assertTrue(String.join(";", out.details).contains("etco2: ambient pressure not calibrated"));
    }

    @Test
    void nibpIsReportedOnlyWhenANewReadingAppearsWithItsFirstRecordTime() {
        int[] fields = {78, 12000, 80, 8000, 82, 9300};
        feed(frame(record(0, 9, TIME, new int[] {1}, new byte[][] {S5TestRecords.phdb(TIME, fields)})));
        feed(frame(record(0, 9, TIME + 5, new int[] {1}, new byte[][] {S5TestRecords.phdb(TIME + 5, fields)})));
        feed(frame(record(0, 9, TIME + 10, new int[] {1}, new byte[][] {S5TestRecords.phdb(TIME + 10, 78, 13000, 80, 8500, 82, 9900)})));

        var sys = out.observations.stream().filter(o -> o.stream() == Stream.NIBP_SYS).map(o -> (NumericSample) o).toList();
        assertEquals(2, sys.size());
        assertEquals(Instant.ofEpochSecond(TIME), sys.get(0).deviceTime());
        assertEquals(130.0, sys.get(1).value(), 1e-9);
        assertEquals(Instant.ofEpochSecond(TIME + 10), sys.get(1).deviceTime());
        assertEquals(1, sys.get(1).seq());
    }

    @Test
    void waveSubrecordsBecomeChunksInMillivoltsWithContinuousTimeAndSequence() {
        byte[] rec = record(1, 9, TIME, new int[] {1, 8}, new byte[][] {wave(100, -50, 0), wave(1000, 2000)});
        feed(concat(frame(rec), frame(rec)));

        var ecg = out.observations.stream().filter(o -> o.stream() == Stream.ECG_I).map(o -> (WaveformChunk) o).toList();
        assertEquals(2, ecg.size());
        assertEquals(1.0f, ecg.get(0).sample(0), 1e-6);
        assertEquals(-0.5f, ecg.get(0).sample(1), 1e-6);
        assertEquals(300, ecg.get(0).sampleRateHz());
        assertEquals(3, ecg.get(1).seq());
        assertEquals(Instant.ofEpochSecond(TIME).plusMillis(10), ecg.get(1).deviceTime());
        var pleth = out.observations.stream().filter(o -> o.stream() == Stream.PLETH).map(o -> (WaveformChunk) o).toList();
        assertEquals(10.0f, pleth.get(0).sample(0), 1e-6);
        assertEquals(100, pleth.get(0).sampleRateHz());
    }

    @Test
    void invalidWaveSamplesSplitTheChunkAndSkipTheirSequenceNumbers() {
        feed(frame(record(1, 9, TIME, new int[] {2}, new byte[][] {wave(10, -32767, 20, 30)})));

        var chunks = out.observations.stream().map(o -> (WaveformChunk) o).toList();
        assertEquals(2, chunks.size());
        assertEquals(0, chunks.get(0).seq());
        assertEquals(2, chunks.get(1).seq());
        assertEquals(2, chunks.get(1).valueCount());
        assertEquals(1, out.count(Problem.NO_VALUE));
    }

    @Test
    void co2WaveUsesTheLastAmbientPressure() {
        feed(frame(phdbRecord(144, 7000)));
        feed(frame(record(1, 9, TIME, new int[] {9}, new byte[][] {wave(500)})));

        WaveformChunk co2 = (WaveformChunk) out.observations.get(out.observations.size() - 1);
        assertEquals(Stream.CO2, co2.stream());
        assertEquals(35.0f, co2.sample(0), 1e-4);
        assertEquals(25, co2.sampleRateHz());
    }

    @Test
    void alarmRecordsAreCountedAndUnknownRecordTypesAreCountedAsSuch() {
        feed(frame(record(4, 9, TIME, new int[] {1}, new byte[][] {new byte[20]})));
        feed(frame(record(7, 9, TIME, new int[] {1}, new byte[][] {new byte[20]})));

        assertEquals(1, decoder.alarmRecords());
        assertEquals(1, out.count(Problem.UNKNOWN_RECORD));
    }

    @Test
    void aLengthFieldThatDisagreesIsMalformed() {
        byte[] rec = phdbRecord(6, 72);
        rec[0] = (byte) (rec[0] + 1);
        feed(frame(rec));

        assertEquals(1, out.count(Problem.MALFORMED));
        assertTrue(out.observations.isEmpty());
    }
}
