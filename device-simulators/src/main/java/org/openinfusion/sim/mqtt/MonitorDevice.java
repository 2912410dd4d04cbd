package org.openinfusion.sim.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import org.openinfusion.sim.signal.CapnogramGenerator;
import org.openinfusion.sim.signal.Conditions;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.EcgGenerator;
import org.openinfusion.sim.signal.EcgSample;
import org.openinfusion.sim.signal.PlethGenerator;
import org.openinfusion.sim.signal.SimulatedPatient;

/**
 * The vitals monitor: ECG I/II/III, pleth and CO2 waveforms, and its numerics pack each second.
 * Artefacts from the patient's {@link Conditions}: lead off flattens the ECG, sensor off flattens
 * the pleth, motion adds large irregular swings to it, an unplugged monitor sends nothing. Without
 * waveforms it sends its numerics only.
 */
final class MonitorDevice implements SimulatedDevice {

    static final String ID = "monitor";

    private final List<WaveformEmitter> waveforms;
    private final NumericsTicker numerics;

    MonitorDevice(SimulatedPatient patient, long startMicros, Topics topics, SequenceCounters counters, boolean waveforms) {
        EcgGenerator ecg = patient.ecg();
        PlethGenerator pleth = patient.pleth();
        CapnogramGenerator co2 = patient.capnogram();
        Conditions conditions = patient.conditions();
        SplittableRandom motion = new SplittableRandom(startMicros ^ 0x5eed);
        DoublePredicate unplugged = t -> conditions.has(Artefact.MONITOR_UNPLUGGED, t);
        this.waveforms = !waveforms ? List.of() : List.of(
                new WaveformEmitter(ID, List.of(WaveformStream.ECG_I, WaveformStream.ECG_II, WaveformStream.ECG_III),
                        (channels, t) -> fill(channels, ecg.next(), conditions.has(Artefact.LEAD_OFF, t)),
                        startMicros, topics, counters, unplugged),
                new WaveformEmitter(ID, List.of(WaveformStream.PLETH),
                        (channels, t) -> channels[0] = (float) pleth(pleth.next(), t, conditions, motion),
                        startMicros, topics, counters, unplugged),
                new WaveformEmitter(ID, List.of(WaveformStream.CO2),
                        (channels, t) -> channels[0] = (float) co2.next(), startMicros, topics, counters, unplugged));
        MonitorNumerics values = new MonitorNumerics(patient, startMicros, counters);
        this.numerics = new NumericsTicker(ID, values::valuesAt, startMicros, topics);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<OutgoingMessage> advanceTo(long targetMicros) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (WaveformEmitter waveform : waveforms) {
            messages.addAll(waveform.advanceTo(targetMicros));
        }
        messages.addAll(numerics.advanceTo(targetMicros));
        return messages;
    }

    private static double pleth(double value, double t, Conditions conditions, SplittableRandom motion) {
        if (conditions.has(Artefact.SENSOR_OFF, t)) {
            return 0;
        }
        if (conditions.has(Artefact.PLETH_MOTION, t)) {
            return value + 40 * Math.sin(2 * Math.PI * 1.3 * t) + 15 * motion.nextGaussian();
        }
        return value;
    }

    private static void fill(float[] channels, EcgSample sample, boolean leadOff) {
        channels[0] = leadOff ? 0 : (float) sample.leadI();
        channels[1] = leadOff ? 0 : (float) sample.leadII();
        channels[2] = leadOff ? 0 : (float) sample.leadIII();
    }
}
