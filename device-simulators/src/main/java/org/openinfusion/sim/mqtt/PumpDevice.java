package org.openinfusion.sim.mqtt;

import java.util.List;
import java.util.Locale;
import org.openinfusion.sim.signal.Pump;
import org.openinfusion.sim.signal.PumpStatus;
import org.openinfusion.sim.signal.SimulatedPatient;

/** The infusion pump: state, alarm, rate, volume infused and volume remaining, in that order, once a second. */
final class PumpDevice implements SimulatedDevice {

    static final String ID = "pump";

    private final Pump pump;
    private final SequenceCounters counters;
    private final NumericsTicker numerics;

    PumpDevice(SimulatedPatient patient, long startMicros, Topics topics, SequenceCounters counters) {
        this.pump = patient.pump();
        this.counters = counters;
        this.numerics = new NumericsTicker(ID, this::valuesAt, startMicros, topics);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<OutgoingMessage> advanceTo(long targetMicros) {
        return numerics.advanceTo(targetMicros);
    }

    private List<SenmlRecord> valuesAt(double seconds, long timeMicros) {
        PumpStatus status = pump.statusAt(seconds);
        // state and alarm first: a reader taking the pack record by record knows what the numbers mean when they come
        return List.of(
                state(NumericStream.PUMP_STATE, status.state(), timeMicros),
                state(NumericStream.PUMP_ALARM, status.alarm(), timeMicros),
                numeric(NumericStream.PUMP_RATE, status.rateMlPerHour(), timeMicros),
                numeric(NumericStream.PUMP_VI, status.infusedMl(), timeMicros),
                numeric(NumericStream.PUMP_VTBI, status.remainingMl(), timeMicros));
    }

    private SenmlRecord numeric(NumericStream stream, double value, long timeMicros) {
        return SenmlRecord.numeric(stream, value, timeMicros, counters.take(stream.wireName(), 1));
    }

    private SenmlRecord state(NumericStream stream, Enum<?> value, long timeMicros) {
        String word = value.name().toLowerCase(Locale.ROOT);
        return SenmlRecord.state(stream, word, timeMicros, counters.take(stream.wireName(), 1));
    }
}
