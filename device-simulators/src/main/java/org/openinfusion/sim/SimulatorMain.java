package org.openinfusion.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.openinfusion.sim.control.ControlServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line: publishes simulated beds to an MQTT broker in real time until Ctrl-C or the
 * given duration. Exit codes: 0 done, 1 failed, 2 bad arguments.
 * <pre>
 * java -cp 'device-simulators/target/device-simulators-0.1.0-SNAPSHOT.jar:device-simulators/target/lib/*' \
 *     org.openinfusion.sim.SimulatorMain --broker tcp://127.0.0.1:1883 --beds 4 --seed 42 --duration 10m
 * </pre>
 */
public final class SimulatorMain {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final Duration FINAL_DRAIN = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorMain.class);

    private final PrintStream out;
    private final PrintStream err;

    SimulatorMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SimulatorMain(System.out, System.err).run(args));
    }

    int run(String[] args) {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args, SimulatorConfig.defaults(SimulatorConfig.DEFAULT_BROKER));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (parsed.help()) {
            out.println(CommandLine.USAGE);
            return EXIT_OK;
        }
        return simulate(parsed.config(), parsed.controlPort());
    }

    private int simulate(SimulatorConfig config, OptionalInt controlPort) {
        SimulatedBeds beds = SimulatedBeds.start(config);
        ControlServer server = null;
        if (controlPort.isPresent()) {
            try {
                server = ControlServer.start(beds, controlPort.getAsInt());
                out.println("control channel: http://127.0.0.1:" + server.port() + "/beds");
            } catch (IOException e) {
                err.println("error: cannot open the control channel on port " + controlPort.getAsInt() + ": " + e.getMessage());
                beds.close();
                return EXIT_FAILED;
            }
        }
        ControlServer control = server;
        Thread hook = new Thread(beds::close, "sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (config.duration().isEmpty()) {
                new CountDownLatch(1).await();
            }
            while (!beds.awaitFinished(Duration.ofMinutes(1))) {
                LOG.debug("still publishing");
            }
            if (!beds.awaitDelivered(FINAL_DRAIN)) {
                LOG.warn("{} messages still unacknowledged after {}", beds.delivery().outstanding(), FINAL_DRAIN);
            }
            return beds.hasFailed() ? EXIT_FAILED : EXIT_OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        } finally {
            if (control != null) {
                control.close();
            }
            beds.close();
            removeHook(hook);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("already shutting down");
        }
    }
}
