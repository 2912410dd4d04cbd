package org.openinfusion.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.openinfusion.sim.serial.SerialSimulator;

/**
 * Command line: simulates an S/5 monitor or an Asena pump on a pty or a TCP port until Ctrl-C;
 * fault commands can be typed on stdin. Exit codes: 0 done, 1 failed, 2 bad arguments.
 * <pre>
 * java -cp 'device-simulators/target/device-simulators-0.1.0-SNAPSHOT.jar:device-simulators/target/lib/*' \
 *     org.openinfusion.sim.SerialSimulatorMain --device s5 --tcp 4001 --seed 42
 * </pre>
 */
public final class SerialSimulatorMain {

    private final PrintStream out;
    private final PrintStream err;

    SerialSimulatorMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SerialSimulatorMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        SerialCommandLine.Parsed parsed;
        try {
            parsed = SerialCommandLine.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(SerialCommandLine.USAGE);
            return SimulatorMain.EXIT_USAGE;
        }
        if (parsed.help()) {
            out.println(SerialCommandLine.USAGE);
            return SimulatorMain.EXIT_OK;
        }
        try (SerialSimulator simulator = SerialSimulators.start(parsed.config())) {
            simulator.tcpPort().ifPresent(port -> out.println("Listening on 127.0.0.1:" + port));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "serial-sim-shutdown"));
            new FaultConsole(simulator.faults(), err).run(
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            new CountDownLatch(1).await();
            return SimulatorMain.EXIT_OK;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return SimulatorMain.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SimulatorMain.EXIT_FAILED;
        }
    }
}
