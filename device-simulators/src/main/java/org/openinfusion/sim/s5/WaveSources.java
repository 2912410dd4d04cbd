package org.openinfusion.sim.s5;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import org.openinfusion.sim.signal.CapnogramGenerator;
import org.openinfusion.sim.signal.EcgGenerator;
import org.openinfusion.sim.signal.EcgSample;
import org.openinfusion.sim.signal.PlethGenerator;
import org.openinfusion.sim.signal.SimulatedPatient;

/** One int16 sample stream per wave at the device's rate, from the patient's generators (time 0 first). */
final class WaveSources {

    private static final double CO2_UNITS_PER_MMHG = 10_000.0 / 760;

    private final Map<WaveId, DoubleSupplier> sources = new EnumMap<>(WaveId.class);

    WaveSources(SimulatedPatient patient) {
        sources.put(WaveId.ECG1, ecg(patient, EcgSample::leadI));
        sources.put(WaveId.ECG2, ecg(patient, EcgSample::leadII));
        sources.put(WaveId.ECG3, ecg(patient, EcgSample::leadIII));
        PlethGenerator pleth = patient.pleth();
        sources.put(WaveId.PLETH, scaled(new Resampler(pleth::next, PlethGenerator.RATE_HZ, WaveId.PLETH.rate()),
                100));
        CapnogramGenerator co2 = patient.capnogram();
        sources.put(WaveId.CO2, scaled(new Resampler(co2::next, CapnogramGenerator.RATE_HZ, WaveId.CO2.rate()),
                CO2_UNITS_PER_MMHG));
    }

    /** The next sample of {@code wave}, in its wire unit. */
    short next(WaveId wave) {
        double value = Math.rint(sources.get(wave).getAsDouble());
        return (short) Math.max(-32000, Math.min(32767, value));
    }

    private static DoubleSupplier ecg(SimulatedPatient patient, ToDoubleFunction<EcgSample> lead) {
        EcgGenerator generator = patient.ecg();
        DoubleSupplier millivolts = () -> lead.applyAsDouble(generator.next());
        return scaled(new Resampler(millivolts, EcgGenerator.RATE_HZ, WaveId.ECG1.rate()), 100);
    }

    private static DoubleSupplier scaled(DoubleSupplier source, double factor) {
        return () -> source.getAsDouble() * factor;
    }
}
