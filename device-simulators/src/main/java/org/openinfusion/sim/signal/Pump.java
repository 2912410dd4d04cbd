package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;

/**
 * A volumetric infusion pump that behaves like one: idle until programmed with a rate and a volume
 * to be infused (VTBI), then start, pause, resume (start again), stop; it stops by itself when the
 * VTBI has been delivered ({@link PumpState#COMPLETED}); an occlusion, air in line or an open door
 * halts it ({@link PumpState#PAUSED} with the alarm) until the alarm is cleared and it is started again.
 *
 * <p>Its history is a list of commands at simulation times (seconds), so its status at any time is
 * a pure function of that history: {@link #statusAt} may be asked for any time, and a command may be
 * given at or after the latest one. A refused command throws {@link IllegalStateException} with the
 * reason, as a pump's display would. Thread-safe: listeners hear a command after the pump's lock is
 * released, so a listener that takes its own lock (the drug model, which asks the pump's status under
 * it) never holds the two locks in the opposite order to a reader.
 */
public final class Pump {

    public static final double MAX_RATE_ML_PER_HOUR = 1200;
    public static final double MAX_VOLUME_ML = 10_000;

    /** The pump as it was right after a command at {@code time}; while infusing, volume grows from here. */
    private record Snapshot(double time, PumpState state, PumpAlarm alarm, double rate, double vtbi, double infused) {
    }

    private final List<Snapshot> history = new ArrayList<>();
    private final List<DoubleConsumer> listeners = new CopyOnWriteArrayList<>();

    private Pump() {
        history.add(new Snapshot(Double.NEGATIVE_INFINITY, PumpState.STANDBY, PumpAlarm.NONE, 0, 0, 0));
    }

    /** A pump switched on and waiting to be programmed. */
    public static Pump idle() {
        return new Pump();
    }

    /** A pump the simulated nurse programs at time 0 and starts at the plan's start offset. */
    public static Pump running(InfusionPlan plan) {
        Pump pump = new Pump();
        pump.program(0, plan.rateMlPerHour(), plan.volumeMl());
        pump.start(plan.startSeconds());
        return pump;
    }

    /** {@code listener} hears the time of every command from now on (the patient's drug model). */
    public void onCommand(DoubleConsumer listener) {
        listeners.add(listener);
    }

    /** Sets rate and VTBI; a pump that is not paused starts a new infusion (volume infused back to 0). */
    public void program(double t, double rateMlPerHour, double vtbiMl) {
        if (!(rateMlPerHour > 0 && rateMlPerHour <= MAX_RATE_ML_PER_HOUR)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rate must be in (0, %.0f] mL/h: %s",
                    MAX_RATE_ML_PER_HOUR, rateMlPerHour));
        }
        if (!(vtbiMl > 0 && vtbiMl <= MAX_VOLUME_ML)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "volume to be infused must be in (0, %.0f] mL: %s",
                    MAX_VOLUME_ML, vtbiMl));
        }
        command(t, now -> {
            if (now.state() == PumpState.INFUSING) {
                throw new IllegalStateException("pause or stop the pump before programming it");
            }
            boolean keepVolume = now.state() == PumpState.PAUSED;
            if (keepVolume && vtbiMl <= now.infused()) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "volume to be infused %.1f mL is not above the %.1f mL already infused", vtbiMl, now.infused()));
            }
            return new Snapshot(t, keepVolume ? PumpState.PAUSED : PumpState.STANDBY, now.alarm(), rateMlPerHour, vtbiMl,
                    keepVolume ? now.infused() : 0);
        });
    }

    /** Starts, or resumes after a pause or a stop, the programmed infusion. */
    public void start(double t) {
        command(t, now -> {
            if (now.vtbi() <= 0) {
                throw new IllegalStateException("program a rate and a volume to be infused first");
            }
            if (now.state() == PumpState.INFUSING) {
                throw new IllegalStateException("already infusing");
            }
            if (now.state() == PumpState.COMPLETED) {
                throw new IllegalStateException("infusion complete: program a new infusion first");
            }
            if (now.alarm().haltsInfusion()) {
                throw new IllegalStateException("clear the " + word(now.alarm()) + " alarm first");
            }
            return new Snapshot(t, PumpState.INFUSING, now.alarm(), now.rate(), now.vtbi(), now.infused());
        });
    }

    public void pause(double t) {
        command(t, now -> {
            if (now.state() != PumpState.INFUSING) {
                throw new IllegalStateException("not infusing (" + word(now.state()) + ")");
            }
            return new Snapshot(t, PumpState.PAUSED, now.alarm(), now.rate(), now.vtbi(), now.infused());
        });
    }

    /** Ends the infusion before its volume (the nurse's stop key); a stopped pump can be started again. */
    public void stop(double t) {
        command(t, now -> {
            if (now.state() == PumpState.STANDBY || now.state() == PumpState.COMPLETED) {
                throw new IllegalStateException("nothing to stop (" + word(now.state()) + ")");
            }
            return new Snapshot(t, PumpState.STOPPED, now.alarm(), now.rate(), now.vtbi(), now.infused());
        });
    }

    /** Raises {@code alarm}; occlusion, air in line, door open and other halt an infusion. */
    public void raise(double t, PumpAlarm alarm) {
        if (alarm == PumpAlarm.NONE) {
            throw new IllegalArgumentException("raise an alarm other than none (use clearAlarm)");
        }
        command(t, now -> new Snapshot(t, alarm.haltsInfusion() && now.state() == PumpState.INFUSING ? PumpState.PAUSED
                : now.state(), alarm, now.rate(), now.vtbi(), now.infused()));
    }

    /** The nurse silences and clears the alarm (the cause is fixed); a halted infusion stays paused. */
    public void clearAlarm(double t) {
        command(t, now -> new Snapshot(t, now.state(), PumpAlarm.NONE, now.rate(), now.vtbi(), now.infused()));
    }

    /** What the pump reports at {@code t} (seconds of simulation time). */
    public synchronized PumpStatus statusAt(double t) {
        Snapshot s = at(t);
        double rate = s.state() == PumpState.INFUSING ? s.rate() : 0;
        return new PumpStatus(rate, s.infused(), Math.max(0, s.vtbi() - s.infused()), s.state(), s.alarm(),
                s.rate(), s.vtbi());
    }

    /** The delivery rate at {@code t}, mL/h (0 unless infusing). */
    public synchronized double deliveringAt(double t) {
        Snapshot s = at(t);
        return s.state() == PumpState.INFUSING ? s.rate() : 0;
    }

    /** Time of the latest command (negative infinity before any). */
    public synchronized double lastCommandAt() {
        return history.get(history.size() - 1).time();
    }

    /** The pump's state at {@code t}, with the volume grown and completion reached if it was infusing. */
    private Snapshot at(double t) {
        Snapshot s = history.get(0);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).time() <= t) {
                s = history.get(i);
                break;
            }
        }
        if (s.state() != PumpState.INFUSING) {
            return s;
        }
        double infused = s.infused() + s.rate() * (t - s.time()) / 3600;
        if (infused >= s.vtbi()) {
            return new Snapshot(s.time() + (s.vtbi() - s.infused()) * 3600 / s.rate(), PumpState.COMPLETED, s.alarm(),
                    s.rate(), s.vtbi(), s.vtbi());
        }
        return new Snapshot(t, PumpState.INFUSING, s.alarm(), s.rate(), s.vtbi(), infused);
    }

    /**
     * Records what {@code change} makes of the pump's state at {@code t} (commands must come in time order), then,
     * with the lock released, tells the listeners. A refusal thrown by {@code change} records nothing.
     */
    private void command(double t, UnaryOperator<Snapshot> change) {
        Snapshot recorded;
        synchronized (this) {
            double last = lastCommandAt();
            if (t < last) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "commands must come in time order: %.3f s is before the last one at %.3f s", t, last));
            }
            recorded = change.apply(at(t));
            history.add(recorded);
        }
        listeners.forEach(listener -> listener.accept(recorded.time()));
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
