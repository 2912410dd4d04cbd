package org.openinfusion.sim.mqtt;

import java.util.ArrayList;
import java.util.List;

/** Sends one SenML pack per simulated second, at the start of each second of the simulation. */
final class NumericsTicker {

    /** The records of one tick; their sequence numbers are already assigned. */
    @FunctionalInterface
    interface TickSource {
        List<SenmlRecord> valuesAt(double seconds, long timeMicros);
    }

    private static final long SECOND_MICROS = 1_000_000;

    private final String device;
    private final TickSource source;
    private final long startMicros;
    private final String topic;
    private final SenmlEncoder encoder = new SenmlEncoder();
    private long nextTick;

    NumericsTicker(String device, TickSource source, long startMicros, Topics topics) {
        this.device = device;
        this.source = source;
        this.startMicros = startMicros;
        this.topic = topics.numerics(device);
    }

    List<OutgoingMessage> advanceTo(long targetMicros) {
        List<OutgoingMessage> messages = new ArrayList<>();
        while (startMicros + nextTick * SECOND_MICROS < targetMicros) {
            long timeMicros = startMicros + nextTick * SECOND_MICROS;
            List<SenmlRecord> records = source.valuesAt(nextTick, timeMicros);
            nextTick++;
            if (!records.isEmpty()) {
                messages.add(OutgoingMessage.data(device, topic, encoder.encode(timeMicros, records), records.size()));
            }
        }
        return messages;
    }
}
