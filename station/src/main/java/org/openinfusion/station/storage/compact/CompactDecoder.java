package org.openinfusion.station.storage.compact;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/**
 * Decodes what {@link CompactEncoder} wrote back into the same observations (times to the microsecond, which is
 * all the stored points carry). Pure: no I/O. Bytes that are not such an entry throw {@link MalformedEntryException}.
 */
public final class CompactDecoder {
    private static final int MAX_STRING = 4096;
    private static final int MAX_COUNT = 1 << 20;

    private CompactDecoder() {
    }

    public static CompactEntry decode(byte[] entry) {
        ByteSource in = new ByteSource(entry, 0);
        int kind = in.readByte();
        try {
            return switch (kind) {
                case CompactEncoder.OBSERVATIONS -> observations(in);
                case CompactEncoder.LINES -> new CompactEntry.Lines(in.readRest());
                default -> throw new MalformedEntryException("unknown entry kind " + kind);
            };
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new MalformedEntryException("entry does not decode to valid observations: " + e.getMessage(), e);
        }
    }

    private static CompactEntry.Observations observations(ByteSource in) {
        int seriesCount = in.readVarInt(MAX_COUNT, "series count");
        List<DeviceRef> sources = new ArrayList<>(seriesCount);
        List<Stream> streams = new ArrayList<>(seriesCount);
        for (int i = 0; i < seriesCount; i++) {
            sources.add(new DeviceRef(in.readString(MAX_STRING), in.readString(MAX_STRING)));
            String key = in.readString(MAX_STRING);
            streams.add(Stream.byKey(key).orElseThrow(() -> new MalformedEntryException("unknown stream '" + key + "'")));
        }
        long base = in.readZigZag();
        int count = in.readVarInt(MAX_COUNT, "observation count");
        List<Observation> out = new ArrayList<>(count);
        List<Integer> revisions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int series = in.readVarInt(seriesCount - 1, "series index");
            revisions.add(in.readVarInt(Integer.MAX_VALUE, "revision"));
            long rx = Math.addExact(base, in.readZigZag());
            Instant received = instant(rx);
            Instant device = instant(Math.addExact(rx, in.readZigZag()));
            long seq = in.readVarLong();
            DeviceRef source = sources.get(series);
            Stream stream = streams.get(series);
            int kind = in.readByte();
            out.add(switch (kind) {
                case CompactEncoder.KIND_NUMERIC -> new NumericSample(source, stream, number(in), device, received, seq);
                case CompactEncoder.KIND_STATE -> new StateSample(source, stream, in.readString(MAX_STRING), device, received, seq);
                case CompactEncoder.KIND_WAVEFORM -> {
                    double rate = number(in);
                    float[] samples = new float[in.readVarInt(WaveformChunk.MAX_SAMPLES, "sample count")];
                    for (int k = 0; k < samples.length; k++) {
                        samples[k] = in.readFloat();
                    }
                    yield new WaveformChunk(source, stream, rate, device, received, seq, samples);
                }
                default -> throw new MalformedEntryException("unknown observation kind " + kind);
            });
        }
        if (!in.atEnd()) {
            throw new MalformedEntryException("entry has trailing bytes after byte " + in.position());
        }
        return new CompactEntry.Observations(out, revisions);
    }

    private static double number(ByteSource in) {
        int tag = in.readByte();
        return switch (tag) {
            case CompactEncoder.NUMBER_INTEGER -> (double) in.readZigZag();
            case CompactEncoder.NUMBER_FLOAT -> in.readFloat();
            case CompactEncoder.NUMBER_DOUBLE -> in.readDouble();
            default -> throw new MalformedEntryException("unknown number tag " + tag);
        };
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
