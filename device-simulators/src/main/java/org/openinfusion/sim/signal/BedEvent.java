package org.openinfusion.sim.signal;

import java.util.Locale;
import org.openinfusion.sim.signal.Conditions.Artefact;
import org.openinfusion.sim.signal.Conditions.Vital;

/**
 * Something done to a simulated bed at a moment of simulation time: the nurse's hands on the
 * pump, a change in the patient, a fault of the monitor. Scenario timelines and the control
 * channel are both lists of these. {@link #apply} throws {@link IllegalStateException} when the
 * pump refuses a command (as its display would) and {@link IllegalArgumentException} for bad values.
 */
public sealed interface BedEvent {

    void apply(SimulatedPatient patient, double t);

    /** A short text for logs and the control channel. */
    String describe();

    /**
     * Programs the pump; with a {@code bag} (may be null: the bag on the pump stays) the nurse first
     * hangs the bag the pharmacy prepared. The description never names the bag's drug (blinding).
     */
    record ProgramPump(double rateMlPerHour, double vtbiMl, Bag bag) implements BedEvent {
        public ProgramPump(double rateMlPerHour, double vtbiMl) {
            this(rateMlPerHour, vtbiMl, null);
        }

        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().program(t, rateMlPerHour, vtbiMl);
            if (bag != null) {
                patient.hang(t, bag);
            }
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "program pump %.1f mL/h, VTBI %.1f mL%s", rateMlPerHour, vtbiMl,
                    bag == null ? "" : ", new bag");
        }
    }

    /** Start, or resume after a pause or stop. */
    record StartPump() implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().start(t);
        }

        @Override
        public String describe() {
            return "start pump";
        }
    }

    record PausePump() implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().pause(t);
        }

        @Override
        public String describe() {
            return "pause pump";
        }
    }

    record StopPump() implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().stop(t);
        }

        @Override
        public String describe() {
            return "stop pump";
        }
    }

    record PumpFault(PumpAlarm alarm) implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().raise(t, alarm);
        }

        @Override
        public String describe() {
            return "pump alarm " + alarm.name().toLowerCase(Locale.ROOT);
        }
    }

    record ClearPumpAlarm() implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.pump().clearAlarm(t);
        }

        @Override
        public String describe() {
            return "clear pump alarm";
        }
    }

    /** Moves a vital sign to {@code target} over {@code rampSeconds}, holds it {@code holdSeconds} (infinite: for good). */
    record Change(Vital vital, double target, double rampSeconds, double holdSeconds) implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.conditions().push(vital, t, rampSeconds, target, t + rampSeconds + holdSeconds);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s to %.0f over %.0f s", vital.name().toLowerCase(Locale.ROOT), target,
                    rampSeconds);
        }
    }

    record Apnoea(double seconds) implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.conditions().apnoea(t, seconds);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "apnoea %.0f s", seconds);
        }
    }

    /** An artefact for {@code seconds} (infinite: until cleared). */
    record ArtefactOn(Artefact artefact, double seconds) implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.conditions().artefact(artefact, t, t + seconds);
        }

        @Override
        public String describe() {
            return artefact.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (Double.isInfinite(seconds) ? "" : String.format(Locale.ROOT, " for %.0f s", seconds));
        }
    }

    /**
     * An emergence reaction (clinical.md: ~12 % of anaesthetic uses): agitation with heart rate
     * and systolic pressure up by a quarter over a minute, motion on the pleth, for {@code seconds}.
     */
    record EmergenceReaction(double seconds) implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            Physiology p = patient.physiology();
            patient.conditions().push(Vital.HR, t, 60, 1.25 * p.heartRate(t), t + seconds);
            patient.conditions().push(Vital.SBP, t, 60, 1.25 * p.bloodPressure(t).systolic(), t + seconds);
            patient.conditions().artefact(Artefact.PLETH_MOTION, t, t + seconds);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "emergence reaction for %.0f s", seconds);
        }
    }

    /** Ends every change and artefact in progress. */
    record ClearConditions() implements BedEvent {
        @Override
        public void apply(SimulatedPatient patient, double t) {
            patient.conditions().clear(t);
        }

        @Override
        public String describe() {
            return "clear changes and artefacts";
        }
    }

    /** {@code event} at {@code seconds} of simulation time. */
    record Timed(double seconds, BedEvent event) {
        public Timed {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("an event time must be 0 or later: " + seconds);
            }
        }
    }
}
