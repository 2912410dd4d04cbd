package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happens to one patient and monitor beyond the drug, from scenario events or the control
 * channel: changes of a vital sign towards a target (ramped in, held, ramped out), apnoea, and
 * measurement artefacts, each over a window of simulation time (seconds). Adding one never changes
 * anything before its start. Thread-safe.
 */
public final class Conditions {

    /** A vital sign a scenario can push towards a target. */
    public enum Vital {
        /** Systolic pressure, mmHg; diastolic follows by half the change. */
        SBP,
        /** Heart rate, /min. */
        HR,
        /** Oxygen saturation, %. */
        SPO2,
        /** Respiratory rate, /min. */
        RR,
        /** End-tidal CO2, mmHg. */
        ETCO2
    }

    /** Measurement faults of the monitor. */
    public enum Artefact {
        /** Motion on the pleth (noise on the wave; SpO2 and pulse rate unreliable, not sent). */
        PLETH_MOTION,
        /** ECG lead off: the ECG leads are flat and heart rate is not sent. */
        LEAD_OFF,
        /** SpO2 sensor off the finger: pleth flat, SpO2 and pulse rate not sent. */
        SENSOR_OFF,
        /** The cuff fails: no NIBP reading. */
        CUFF_FAILURE,
        /** The monitor is unplugged: it sends nothing at all. */
        MONITOR_UNPLUGGED;

        public static Artefact parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        }
    }

    private record Push(Vital vital, double from, double rampSeconds, double target, double until) {
        /** 0 before, ramping to 1, holding, ramping back to 0 after {@code until}. */
        double weight(double t) {
            if (t <= from) {
                return 0;
            }
            double in = rampSeconds <= 0 ? 1 : Math.min(1, (t - from) / rampSeconds);
            if (t <= until) {
                return in;
            }
            double out = rampSeconds <= 0 ? 0 : 1 - (t - until) / rampSeconds;
            return Math.max(0, Math.min(in, out));
        }
    }

    private record Window(Artefact artefact, double from, double until) {
        boolean covers(double t) {
            return t >= from && t < until;
        }
    }

    private record Apnoea(double from, double until) {
    }

    private final List<Push> pushes = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    private final List<Apnoea> apnoeas = new ArrayList<>();

    /**
     * From {@code from}, moves {@code vital} to {@code target} over {@code rampSeconds}, holds it
     * until {@code until} (infinity: for good) and returns over the same ramp.
     */
    public synchronized void push(Vital vital, double from, double rampSeconds, double target, double until) {
        if (until < from) {
            throw new IllegalArgumentException("a change must end after it starts");
        }
        pushes.add(new Push(vital, from, Math.max(0, rampSeconds), target, until));
    }

    public synchronized void artefact(Artefact artefact, double from, double until) {
        if (until <= from) {
            throw new IllegalArgumentException("an artefact must last some time");
        }
        windows.add(new Window(artefact, from, until));
    }

    /** No breathing from {@code from} for {@code seconds}. */
    public synchronized void apnoea(double from, double seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("apnoea must last some time");
        }
        apnoeas.add(new Apnoea(from, from + seconds));
    }

    /** Ends every artefact and change still running at {@code t} (the nurse fixes the patient and probes). */
    public synchronized void clear(double t) {
        windows.replaceAll(w -> w.covers(t) ? new Window(w.artefact(), w.from(), t) : w);
        windows.removeIf(w -> w.until() <= w.from());
        pushes.replaceAll(p -> p.until() > t && p.from() < t ? new Push(p.vital(), p.from(), p.rampSeconds(), p.target(), t) : p);
        pushes.removeIf(p -> p.from() >= t);
    }

    /** {@code value} as changed by the pushes on {@code vital} active at {@code t}. */
    public synchronized double apply(Vital vital, double t, double value) {
        double result = value;
        for (Push push : pushes) {
            if (push.vital() == vital) {
                result += push.weight(t) * (push.target() - result);
            }
        }
        return result;
    }

    public synchronized boolean has(Artefact artefact, double t) {
        for (Window window : windows) {
            if (window.artefact() == artefact && window.covers(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a change, artefact or apnoea is still in effect at {@code t} (a change counts until it has ramped back):
     * a scenario whose last event has been applied is not finished while, say, its raised pressure is still held.
     */
    public synchronized boolean inEffect(double t) {
        for (Push push : pushes) {
            if (t >= push.from() && push.weight(t) > 0) {
                return true;
            }
        }
        for (Window window : windows) {
            if (window.covers(t)) {
                return true;
            }
        }
        return !Double.isNaN(apnoeaEnd(t));
    }

    /** The end of the apnoea covering {@code t}, or NaN when the patient breathes. */
    public synchronized double apnoeaEnd(double t) {
        for (Apnoea apnoea : apnoeas) {
            if (t >= apnoea.from() && t < apnoea.until()) {
                return apnoea.until();
            }
        }
        return Double.NaN;
    }
}
