package org.openinfusion.sim.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Cuts one sampled source into chunks: one message per stream per 256 ms slot of the grid that
 * starts at the simulation start. A target inside a slot sends the samples so far as a shorter
 * chunk; the rest of the slot follows on the next call. Several streams sampled together (the
 * three ECG leads) come from one source so that their samples belong to the same instants.
 */
final class WaveformEmitter {

    /** Writes the sample of each stream taken at {@code seconds} (the next one) into {@code channels}. */
    @FunctionalInterface
    interface SampleSource {
        void next(float[] channels, double seconds);
    }

    private final String device;
    private final List<WaveformStream> streams;
    private final SampleSource source;
    private final long startMicros;
    private final Topics topics;
    private final SequenceCounters counters;
    private final WaveformChunkEncoder encoder = new WaveformChunkEncoder();
    private final DoublePredicate silent;
    private long nextIndex;

    /**
     * @param silent true at a simulation second when the device sends nothing (unplugged): a chunk
     *               starting then is drawn (the signals stay in step) but neither numbered nor sent
     */
    WaveformEmitter(String device, List<WaveformStream> streams, SampleSource source, long startMicros,
                    Topics topics, SequenceCounters counters, DoublePredicate silent) {
        this.silent = silent;
        this.device = device;
        this.streams = List.copyOf(streams);
        this.source = source;
        this.startMicros = startMicros;
        this.topics = topics;
        this.counters = counters;
    }

    List<OutgoingMessage> advanceTo(long targetMicros) {
        long end = samplesBefore(targetMicros);
        int perChunk = streams.get(0).samplesPerChunk();
        List<OutgoingMessage> messages = new ArrayList<>();
        while (nextIndex < end) {
            long slotEnd = Math.min(end, (nextIndex / perChunk + 1) * perChunk);
            messages.addAll(emit((int) (slotEnd - nextIndex)));
        }
        return messages;
    }

    private List<OutgoingMessage> emit(int count) {
        float[][] samples = new float[streams.size()][count];
        float[] frame = new float[streams.size()];
        long period = period();
        for (int i = 0; i < count; i++) {
            source.next(frame, (nextIndex + i) * period / 1e6);
            for (int channel = 0; channel < frame.length; channel++) {
                samples[channel][i] = frame[channel];
            }
        }
        long firstMicros = startMicros + nextIndex * period;
        boolean quiet = silent.test(nextIndex * period / 1e6);
        nextIndex += count;
        if (quiet) {
            return List.of();
        }
        List<OutgoingMessage> messages = new ArrayList<>(streams.size());
        for (int channel = 0; channel < streams.size(); channel++) {
            WaveformStream stream = streams.get(channel);
            long seq = counters.take(stream.wireName(), count);
            byte[] payload = encoder.encode(new WaveformChunk(stream, firstMicros, seq, samples[channel]));
            messages.add(OutgoingMessage.data(device, topics.waveform(device, stream), payload, count));
        }
        return messages;
    }

    /** How many samples fall strictly before {@code targetMicros}. */
    private long samplesBefore(long targetMicros) {
        long elapsed = targetMicros - startMicros;
        return elapsed <= 0 ? 0 : (elapsed + period() - 1) / period();
    }

    private long period() {
        return streams.get(0).samplePeriodMicros();
    }
}
