package org.openinfusion.sim.s5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every wave generator in step with the clock (sample {@code i} at {@code start + i / rate})
 * and, every record interval, cuts the new samples of the requested waves into wave subrecords:
 * {@code {act_len i16, status i16, reserved i16}} then int16 samples. A backlog is split so no
 * record exceeds 1490 bytes.
 */
final class WaveStreamer {

    private static final int SUBRECORD_HEADER = 6;
    private static final double MAX_SECONDS_PER_RECORD = 0.25;

    private final WaveSources sources;
    private final Instant start;
    private final Duration interval;
    private final Map<WaveId, Long> generated = new EnumMap<>(WaveId.class);
    private List<WaveId> active = List.of();
    private Instant nextEmit;

    WaveStreamer(WaveSources sources, Instant start, Duration interval) {
        this.sources = sources;
        this.start = start;
        this.interval = interval;
        this.nextEmit = start;
        for (WaveId wave : WaveId.values()) {
            generated.put(wave, 0L);
        }
    }

    void stream(List<WaveId> waves) {
        active = List.copyOf(waves);
    }

    List<WaveId> active() {
        return active;
    }

    /** The subrecord lists of the records due at {@code now}, oldest first; empty most of the time. */
    List<List<DriRecord.Subrecord>> due(Instant now, boolean sensorsOff) {
        if (now.isBefore(nextEmit)) {
            return List.of();
        }
        nextEmit = now.plus(interval);
        long elapsedNanos = Duration.between(start, now).toNanos();
        Map<WaveId, short[]> fresh = new EnumMap<>(WaveId.class);
        for (WaveId wave : WaveId.values()) {
            short[] samples = advance(wave, elapsedNanos * wave.rate() / 1_000_000_000L);
            if (active.contains(wave)) {
                fresh.put(wave, blanked(wave, samples, sensorsOff));
            }
        }
        return split(fresh);
    }

    private short[] advance(WaveId wave, long due) {
        int count = (int) Math.max(0, due - generated.get(wave));
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = sources.next(wave);
        }
        generated.put(wave, generated.get(wave) + count);
        return samples;
    }

    private static short[] blanked(WaveId wave, short[] samples, boolean sensorsOff) {
        if (sensorsOff && (wave == WaveId.PLETH || wave == WaveId.CO2)) {
            Arrays.fill(samples, BasicClassBlock.INVALID);
        }
        return samples;
    }

    private List<List<DriRecord.Subrecord>> split(Map<WaveId, short[]> fresh) {
        List<List<DriRecord.Subrecord>> records = new ArrayList<>(1);
        for (int part = 0; ; part++) {
            List<DriRecord.Subrecord> subrecords = new ArrayList<>(fresh.size());
            for (Map.Entry<WaveId, short[]> entry : fresh.entrySet()) {
                int perRecord = (int) (entry.getKey().rate() * MAX_SECONDS_PER_RECORD);
                int from = part * perRecord;
                int to = Math.min(entry.getValue().length, from + perRecord);
                if (from < to) {
                    subrecords.add(subrecord(entry.getKey(), entry.getValue(), from, to));
                }
            }
            if (subrecords.isEmpty()) {
                return records;
            }
            records.add(subrecords);
        }
    }

    private static DriRecord.Subrecord subrecord(WaveId wave, short[] samples, int from, int to) {
        ByteBuffer body = ByteBuffer.allocate(SUBRECORD_HEADER + 2 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) (to - from)).putShort((short) 0).putShort((short) 0);
        for (int i = from; i < to; i++) {
            body.putShort(samples[i]);
        }
        return new DriRecord.Subrecord(wave.id(), body.array());
    }
}
