package org.openinfusion.station.device.serial;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.station.device.DeviceAlarms;
import org.openinfusion.station.device.DeviceOptions;
import org.openinfusion.station.device.s5.S5DriverFactory;
import org.openinfusion.station.domain.DeviceRef;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Stream;
import org.openinfusion.testing.Eventually;
import org.openinfusion.testing.PtyPair;

/**
 * The serial transport over a real socat pty pair: the station opens ttyA with jSerialComm, the test
 * plays a minimal S/5 on ttyB. Unplug (kill socat) raises DEVICE_DISCONNECTED within 5 s, replug
 * resumes; silence raises DEVICE_SILENT.
 */
class SocatPtyIT {
    private static final DeviceRef MON = new DeviceRef("bed-01", "mon1");
    private static final Duration FIVE_S = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private PtyPair cable;

    private void plug() throws Exception {
        cable = PtyPair.open(dir);
    }

    private void unplug() throws InterruptedException {
        cable.close();
    }

    @AfterEach
    void stopSocat() throws InterruptedException {
        if (cable != null && cable.isAlive()) {
            unplug();
        }
    }

    private void sendHeartRate(int hr) throws IOException {
        try (FileOutputStream device = new FileOutputStream(dir.resolve("ttyB").toFile())) {
            device.write(S5Frame.displayedValuesWithHeartRate(hr));
        }
    }

    /** Sends a heart rate until the station decodes one (the first may go out before the station has opened its end). */
    private void heartRateArrives(RecordingEvents events, int hr, String what) throws Exception {
        long end = System.nanoTime() + FIVE_S.toNanos();
        while (true) {
            sendHeartRate(hr);
            try {
                events.await(e -> e instanceof Observation o && o.stream() == Stream.HR, Duration.ofMillis(250), what);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("no " + what + " within " + FIVE_S, notYet);
                }
            }
        }
    }

    @Test
    void unplugRaisesDisconnectedReplugResumesAndSilenceRaisesSilent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")) || Files.isExecutable(Path.of("/usr/local/bin/socat")), "socat");
        plug();
        RecordingEvents events = new RecordingEvents();
        S5DriverFactory s5 = new S5DriverFactory();
        LinkOpener opener = () -> SerialPortLink.open(dir.resolve("ttyA").toString(), s5.lineSettings());
        try (DeviceRunner runner = new DeviceRunner(MON, s5.newSession(MON, DeviceOptions.none("mon1")), opener, events,
                Clock.systemUTC(), Duration.ofSeconds(1), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), Optional.empty()).start()) {
            heartRateArrives(events, 71, "heart rate");

            events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_SILENT, true), FIVE_S, "silence alarm");
            sendHeartRate(72);
            events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_SILENT, false), FIVE_S, "silence cleared");

            unplug();
            events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_DISCONNECTED, true), FIVE_S, "disconnect alarm");

            plug();
            events.await(RecordingEvents.alarm(DeviceAlarms.DEVICE_DISCONNECTED, false), FIVE_S, "reconnect");
            heartRateArrives(events, 73, "heart rate after replug");
        }
    }
}
