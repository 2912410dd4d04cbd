package org.openinfusion.station.storage.compact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.NumericSample;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.StateSample;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.station.domain.WaveformChunk;

/** Seeded random observations for round-trip tests of the journal's encodings. */
public final class RandomObservations {
    private static final List<String> STATES = List.of("infusing", "paused", "stopped", "none", "occlusion", "air_in_line");

    private RandomObservations() {
    }

    /** Random observations of every stream, device times before and after their receive time, micro precision. */
    public static List<Observation> of(Random r, int count) {
        List<Observation> out = new ArrayList<>();
        Stream[] streams = Stream.values();
        for (int i = 0; i < count; i++) {
            Stream s = streams[r.nextInt(streams.length)];
            DeviceRef source = new DeviceRef("bed-" + r.nextInt(40), r.nextBoolean() ? "monitor" : "pump_" + r.nextInt(3));
            Instant rx = Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000), r.nextInt(1_000_000) * 1_000L);
            Instant device = rx.plusNanos((r.nextInt(20_000_001) - 10_000_000) * 1_000L);
            long seq = r.nextInt(4) == 0 ? r.nextLong(Long.MAX_VALUE) : r.nextInt(1_000_000);
            out.add(switch (s.kind()) {
                case NUMERIC -> new NumericSample(source, s, value(r, s), device, rx, seq);
                case STATE -> {
                    List<String> words = STATES.stream().filter(s::accepts).toList();
                    yield new StateSample(source, s, words.get(r.nextInt(words.size())), device, rx, seq);
                }
                case WAVEFORM -> {
                    float[] samples = new float[1 + r.nextInt(200)];
                    for (int k = 0; k < samples.length; k++) {
                        samples[k] = (float) (s.min() + r.nextDouble() * (s.max() - s.min()));
                    }
                    double[] rates = {500, 125, 62.5, 1000.0 / 3, 1 + r.nextDouble() * 1999};
                    yield new WaveformChunk(source, s, rates[r.nextInt(rates.length)], device, rx, seq, samples);
                }
            });
        }
        return out;
    }

    private static double value(Random r, Stream s) {
        double span = s.max() - s.min();
        return switch (r.nextInt(4)) {
            case 0 -> Math.rint(s.min() + r.nextDouble() * span);
            case 1 -> (float) (s.min() + r.nextDouble() * span);
            case 2 -> s.min() + r.nextDouble() * span;
            default -> Math.round((s.min() + r.nextDouble() * span) * 10) / 10.0;
        };
    }
}
