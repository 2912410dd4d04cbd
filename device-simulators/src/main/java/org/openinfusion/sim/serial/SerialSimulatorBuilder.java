package org.openinfusion.sim.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/** Options of a {@link SerialSimulator}; {@link #start()} runs it. */
public final class SerialSimulatorBuilder {

    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);
    public static final Duration DEFAULT_REOPEN_DELAY = Duration.ofSeconds(2);

    final SerialDevice device;
    final Transport transport;
    Clock clock = Clock.systemUTC();
    FaultSwitches faults;
    SplittableRandom random = new SplittableRandom(42);
    Duration tickInterval = DEFAULT_TICK;
    Duration reopenDelay = DEFAULT_REOPEN_DELAY;
    private Path captureFile;

    SerialSimulatorBuilder(SerialDevice device, Transport transport) {
        this.device = device;
        this.transport = transport;
    }

    public SerialSimulatorBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** The switches the device reads too (sensor off, pump alarms, corrupt checksums); created when not given. */
    public SerialSimulatorBuilder faults(FaultSwitches value) {
        this.faults = value;
        return this;
    }

    /** Seeds the random bytes of the drop-bytes and garbage faults. */
    public SerialSimulatorBuilder seed(long seed) {
        this.random = new SplittableRandom(seed);
        return this;
    }

    /** How long a pty stays closed after a disconnect fault (default 2 s). */
    public SerialSimulatorBuilder reopenDelay(Duration value) {
        this.reopenDelay = value;
        return this;
    }

    /** Records everything sent and received in the raw capture format. */
    public SerialSimulatorBuilder captureTo(Path file) {
        this.captureFile = file;
        return this;
    }

    public SerialSimulator start() throws IOException {
        if (faults == null) {
            faults = new FaultSwitches(clock);
        }
        CaptureRecorder recorder = captureFile == null ? null : new CaptureRecorder(captureFile, clock);
        return new SerialSimulator(this, recorder);
    }
}
