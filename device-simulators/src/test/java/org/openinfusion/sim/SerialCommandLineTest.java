package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;

class SerialCommandLineTest {

    @Test
    void optionsBecomeASerialSimulatorConfig() throws UsageException {
        SerialSimulatorConfig config = SerialCommandLine.parse(new String[] {"--device", "s5", "--pty", "/tmp/ttyA",
            "--fault", "corrupt-checksum,sensor-off", "--seed", "7", "--dri-level", "0x09", "--replay", "cap.txt"})
                .config();
        assertAll(
                () -> assertEquals("s5", config.device()),
                () -> assertEquals(Optional.of(Path.of("/tmp/ttyA")), config.pty()),
                () -> assertEquals(Set.of(Fault.CORRUPT_CHECKSUM, Fault.SENSOR_OFF), config.faults()),
                () -> assertEquals(7, config.seed()),
                () -> assertEquals(9, config.s5().driLevel()),
                () -> assertEquals(Optional.of(Path.of("cap.txt")), config.replay()));
    }

    @Test
    void anAsenaOnTcpTakesItsSerialAndInfusion() throws UsageException {
        SerialSimulatorConfig config = SerialCommandLine.parse(new String[] {"--device", "asena", "--tcp", "4001",
            "--serial", "X1", "--infusion-start", "0s", "--volume", "50"}).config();
        assertEquals(4001, config.tcpPort());
        assertEquals("X1", config.asena().serial());
        assertEquals(Duration.ZERO, config.infusion().startOffset());
        assertEquals(75.0, config.infusion().rateMlPerHour(), 1e-9);
    }

    @Test
    void mistakesAreExplained() {
        assertThrows(UsageException.class, () -> SerialCommandLine.parse(new String[] {"--device", "s5"}));
        assertThrows(UsageException.class, () -> SerialCommandLine.parse(
                new String[] {"--device", "s6", "--tcp", "1"}));
        assertThrows(UsageException.class, () -> SerialCommandLine.parse(
                new String[] {"--device", "s5", "--tcp", "1", "--fault", "smoke"}));
        assertThrows(UsageException.class, () -> SerialCommandLine.parse(
                new String[] {"--device", "s5", "--tcp", "1", "--pty", "/tmp/x"}));
    }

    @Test
    void badArgumentsExitWithTwoAndPrintTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SerialSimulatorMain(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"--bogus"});
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: SerialSimulatorMain"));
    }

    @Test
    void theConsoleTogglesFaultsAtRuntime() {
        FaultSwitches faults = new FaultSwitches(Clock.systemUTC());
        FaultConsole console = new FaultConsole(faults, new PrintStream(new ByteArrayOutputStream()));
        console.apply("on occlusion");
        assertTrue(faults.isOn(Fault.OCCLUSION));
        console.apply("off occlusion");
        console.apply("stall 5s");
        assertEquals(false, faults.isOn(Fault.OCCLUSION));
        assertTrue(faults.isOn(Fault.STALL));
    }
}
