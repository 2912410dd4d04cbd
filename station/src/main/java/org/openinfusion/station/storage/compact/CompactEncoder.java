package org.openinfusion.station.storage.compact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Encodes journal entries in the compact binary form (docs/storage.md, "Durable buffer"): a dictionary of the
 * entry's series (bed, device, stream key), then per observation its series index, revision, times as varint
 * deltas, sequence number and value; a waveform chunk stays a chunk (rate, count, float32 samples). Pure: no I/O.
 */
public final class CompactEncoder {
    /** The journal's payload format number of these entries (named in each segment's version marker). */
    public static final int FORMAT = 1;
    static final int OBSERVATIONS = 1;
    static final int LINES = 2;
    static final int KIND_NUMERIC = 0;
    static final int KIND_STATE = 1;
    static final int KIND_WAVEFORM = 2;
    static final int NUMBER_INTEGER = 0;
    static final int NUMBER_FLOAT = 1;
    static final int NUMBER_DOUBLE = 2;
    private static final long EXACT_INTEGER_LIMIT = 1L << 53;

    private record Series(String bed, String device, String stream) {
    }

    private CompactEncoder() {
    }

    /** The observations of one message; {@code revisions} is empty (all 0) or holds one per observation. */
    public static byte[] observations(List<? extends Observation> observations, List<Integer> revisions) {
        if (!revisions.isEmpty() && revisions.size() != observations.size()) {
            throw new IllegalArgumentException(revisions.size() + " revisions for " + observations.size() + " observations");
        }
        int values = 0;
        for (Observation o : observations) {
            values += o.valueCount();
        }
        ByteSink out = new ByteSink(64 + 16 * observations.size() + 4 * values);
        out.writeByte(OBSERVATIONS);
        Map<Series, Integer> seriesIndex = new LinkedHashMap<>();
        int[] series = new int[observations.size()];
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            series[i] = seriesIndex.computeIfAbsent(new Series(o.source().bedId(), o.source().deviceId(), o.stream().key()),
                    k -> seriesIndex.size());
        }
        out.writeVarLong(seriesIndex.size());
        for (Series s : seriesIndex.keySet()) {
            out.writeString(s.bed());
            out.writeString(s.device());
            out.writeString(s.stream());
        }
        long base = observations.isEmpty() ? 0 : micros(observations.getFirst().receiveTime());
        out.writeZigZag(base);
        out.writeVarLong(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            int revision = revisions.isEmpty() ? 0 : revisions.get(i);
            if (revision < 0) {
                throw new IllegalArgumentException("negative revision " + revision);
            }
            long rx = micros(o.receiveTime());
            out.writeVarLong(series[i]);
            out.writeVarLong(revision);
            out.writeZigZag(rx - base);
            out.writeZigZag(micros(o.deviceTime()) - rx);
            out.writeVarLong(o.seq());
            switch (o) {
                case NumericSample n -> {
                    out.writeByte(KIND_NUMERIC);
                    number(out, n.value());
                }
                case StateSample s -> {
                    out.writeByte(KIND_STATE);
                    out.writeString(s.value());
                }
                case WaveformChunk w -> {
                    out.writeByte(KIND_WAVEFORM);
                    number(out, w.sampleRateHz());
                    out.writeVarLong(w.valueCount());
                    for (int k = 0; k < w.valueCount(); k++) {
                        out.writeFloat(w.sample(k));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** Ready-made line protocol (the audit mirror), kept as text. */
    public static byte[] lines(String lineProtocol) {
        ByteSink out = new ByteSink(1 + lineProtocol.length());
        out.writeByte(LINES);
        out.writeBytes(lineProtocol.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A value in as few bytes as give it back exactly: a whole number as a varint, else float32 or float64. */
    private static void number(ByteSink out, double v) {
        boolean negativeZero = Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
        if (!negativeZero && v == Math.rint(v) && Math.abs(v) < EXACT_INTEGER_LIMIT) {
            out.writeByte(NUMBER_INTEGER);
            out.writeZigZag((long) v);
        } else if ((double) (float) v == v) {
            out.writeByte(NUMBER_FLOAT);
            out.writeFloat((float) v);
        } else {
            out.writeByte(NUMBER_DOUBLE);
            out.writeDouble(v);
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
