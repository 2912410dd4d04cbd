package org.openinfusion.sim.mqtt;

import java.util.ArrayList;
import java.util.List;
import org.openinfusion.sim.signal.Conditions;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.NibpCuff;
import org.openinfusion.sim.signal.NibpReading;
import org.openinfusion.sim.signal.SimulatedPatient;
import org.openinfusion.sim.signal.VitalSigns;
import org.openinfusion.sim.signal.VitalSignsMonitor;

/**
 * The monitor's records for one second: the five vital signs at the tick time, and any NIBP
 * reading whose cuff cycle ended during the second before, stamped with its measurement time.
 */
final class MonitorNumerics {

    private final VitalSignsMonitor vitals;
    private final NibpCuff cuff;
    private final Conditions conditions;
    private final long startMicros;
    private final SequenceCounters counters;

    MonitorNumerics(SimulatedPatient patient, long startMicros, SequenceCounters counters) {
        this.vitals = patient.vitalSigns();
        this.cuff = patient.nibp();
        this.conditions = patient.conditions();
        this.startMicros = startMicros;
        this.counters = counters;
    }

    /**
     * The records of the tick at {@code seconds}: none while the monitor is unplugged; no HR with
     * an ECG lead off; no SpO2 and pulse rate with the sensor off or motion on the pleth; no NIBP
     * reading when the cuff fails.
     */
    List<SenmlRecord> valuesAt(double seconds, long timeMicros) {
        VitalSigns signs = vitals.at(seconds);
        List<NibpReading> readings = cuff.completedIn(seconds - 1, seconds);
        if (conditions.has(Artefact.MONITOR_UNPLUGGED, seconds)) {
            return List.of();
        }
        List<SenmlRecord> records = new ArrayList<>(8);
        if (!conditions.has(Artefact.LEAD_OFF, seconds)) {
            records.add(numeric(NumericStream.HR, signs.hr(), timeMicros));
        }
        boolean plethBad = conditions.has(Artefact.SENSOR_OFF, seconds) || conditions.has(Artefact.PLETH_MOTION, seconds);
        if (!plethBad) {
            records.add(numeric(NumericStream.SPO2, signs.spo2(), timeMicros));
            records.add(numeric(NumericStream.PR, signs.pr(), timeMicros));
        }
        records.add(numeric(NumericStream.ETCO2, signs.etco2(), timeMicros));
        records.add(numeric(NumericStream.RR, signs.rr(), timeMicros));
        for (NibpReading reading : readings) {
            if (conditions.has(Artefact.CUFF_FAILURE, reading.measuredAt())) {
                continue;
            }
            long measuredMicros = startMicros + Math.round(reading.measuredAt() * 1e6);
            records.add(numeric(NumericStream.NIBP_SYS, reading.systolic(), measuredMicros));
            records.add(numeric(NumericStream.NIBP_DIA, reading.diastolic(), measuredMicros));
            records.add(numeric(NumericStream.NIBP_MEAN, reading.mean(), measuredMicros));
        }
        return records;
    }

    private SenmlRecord numeric(NumericStream stream, double value, long timeMicros) {
        return SenmlRecord.numeric(stream, value, timeMicros, counters.take(stream.wireName(), 1));
    }
}
