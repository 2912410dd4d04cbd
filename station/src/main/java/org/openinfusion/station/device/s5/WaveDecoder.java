package org.openinfusion.station.device.s5;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.openinfusion.station.device.Problem;
import org.openinfusion.station.device.SequenceCounter;
import org.openinfusion.station.device.SessionOutput;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Turns the wave subrecords of a waveform record ({act_len u16, status u16, reserved u16, then
 * act_len int16 samples}) into {@link WaveformChunk}s. Each wave keeps a continuous timeline: a chunk
 * starts where the previous one ended, unless that is more than {@link #MAX_DRIFT} away from the
 * record's time (1 s resolution), when the timeline restarts at the record time. A sentinel or an
 * out-of-range sample is a gap: the chunk is split around it and its sequence number is skipped.
 * Not thread-safe.
 */
final class WaveDecoder {
    static final Duration MAX_DRIFT = Duration.ofSeconds(2);
    static final double DEFAULT_AMBIENT_MMHG = 760;

    private final DeviceRef source;
    private final SequenceCounter sequences;
    private final Map<WaveType, Instant> nextTime = new EnumMap<>(WaveType.class);
    private final float[] scratch = new float[S5Frames.MAX_RECORD / 2];

    WaveDecoder(DeviceRef source, SequenceCounter sequences) {
        this.source = source;
        this.sequences = sequences;
    }

    void decode(byte[] rec, RecordHeader header, Instant receiveTime, double ambientMmHg, SessionOutput out) {
        for (RecordHeader.Subrecord sub : header.subrecords()) {
            WaveType wave = WaveType.byId(sub.type()).orElse(null);
            if (wave == null) {
                out.problem(Problem.UNKNOWN_RECORD, "wave id " + sub.type());
                continue;
            }
            int n = sub.length() >= 6 ? Le.u16(rec, sub.start()) : -1;
            if (n < 0 || 6 + 2 * n > sub.length()) {
                out.problem(Problem.MALFORMED, wave + " subrecord of " + sub.length() + " bytes claims " + n + " samples");
                continue;
            }
            if (n > 0) {
                wave(rec, sub.start() + 6, n, wave, header.time(), receiveTime, ambientMmHg, out);
            }
        }
    }

    private void wave(byte[] rec, int at, int n, WaveType wave, Instant recordTime, Instant receiveTime, double ambient, SessionOutput out) {
        double scale = wave == WaveType.CO2 ? wave.scale() / 100 * (Double.isNaN(ambient) ? DEFAULT_AMBIENT_MMHG : ambient) : wave.scale();
        long seq = sequences.take(wave.stream(), n);
        Instant start = start(wave, recordTime);
        nextTime.put(wave, start.plusNanos(Math.round(n * 1e9 / wave.rateHz())));
        int runStart = -1;
        for (int i = 0; i <= n; i++) {
            boolean ok = false;
            if (i < n) {
                int raw = Le.i16(rec, at + 2 * i);
                float v = (float) (raw * scale);
                ok = Sentinels.isValue(raw) && wave.stream().accepts(v);
                scratch[i] = v;
                if (!ok) {
                    out.problem(Sentinels.isValue(raw) ? Problem.OUT_OF_RANGE : Problem.NO_VALUE,
                            wave + " sample " + Sentinels.reason(raw).orElse(Float.toString(v)));
                }
            }
            if (ok && runStart < 0) {
                runStart = i;
            } else if (!ok && runStart >= 0) {
                emit(wave, start, seq, runStart, i, receiveTime, out);
                runStart = -1;
            }
        }
    }

    private Instant start(WaveType wave, Instant recordTime) {
        Instant expected = nextTime.get(wave);
        if (expected == null || Duration.between(recordTime, expected).abs().compareTo(MAX_DRIFT) > 0) {
            return recordTime;
        }
        return expected;
    }

    private void emit(WaveType wave, Instant start, long seq, int from, int to, Instant receiveTime, SessionOutput out) {
        float[] samples = Arrays.copyOfRange(scratch, from, to);
        Instant t = start.plusNanos(Math.round(from * 1e9 / wave.rateHz()));
        out.observation(new WaveformChunk(source, wave.stream(), wave.rateHz(), t, receiveTime, seq + from, samples));
    }
}
