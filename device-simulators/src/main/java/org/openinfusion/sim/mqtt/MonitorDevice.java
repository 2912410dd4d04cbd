package org.openinfusion.sim.mqtt;

import java.util.ArrayList;
import java.util.List;
import org.openinfusion.sim.signal.CapnogramGenerator;
import org.openinfusion.sim.signal.EcgGenerator;
import org.openinfusion.sim.signal.EcgSample;
import org.openinfusion.sim.signal.PlethGenerator;
import org.openinfusion.sim.signal.SimulatedPatient;

/** The vitals monitor: ECG I/II/III, pleth and CO2 waveforms, and its numerics pack each second. */
final class MonitorDevice implements SimulatedDevice {

    static final String ID = "monitor";

    private final List<WaveformEmitter> waveforms;
    private final NumericsTicker numerics;

    MonitorDevice(SimulatedPatient patient, long startMicros, Topics topics, SequenceCounters counters) {
        EcgGenerator ecg = patient.ecg();
        PlethGenerator pleth = patient.pleth();
        CapnogramGenerator co2 = patient.capnogram();
        this.waveforms = List.of(
                new WaveformEmitter(ID, List.of(WaveformStream.ECG_I, WaveformStream.ECG_II, WaveformStream.ECG_III),
                        channels -> fill(channels, ecg.next()), startMicros, topics, counters),
                new WaveformEmitter(ID, List.of(WaveformStream.PLETH),
                        channels -> channels[0] = (float) pleth.next(), startMicros, topics, counters),
                new WaveformEmitter(ID, List.of(WaveformStream.CO2),
                        channels -> channels[0] = (float) co2.next(), startMicros, topics, counters));
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

    private static void fill(float[] channels, EcgSample sample) {
        channels[0] = (float) sample.leadI();
        channels[1] = (float) sample.leadII();
        channels[2] = (float) sample.leadIII();
    }
}
