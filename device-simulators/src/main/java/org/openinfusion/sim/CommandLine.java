package org.openinfusion.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLSocketFactory;
import org.openinfusion.sim.mqtt.BrokerConnection;
import org.openinfusion.sim.mqtt.PublisherSettings;
import org.openinfusion.sim.mqtt.SimulatedBed;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.signal.InfusionPlan;

/** Turns the simulator's arguments into a {@link SimulatorConfig}, or says clearly what is wrong. */
final class CommandLine {

    static final String USAGE = """
            usage: SimulatorMain [options]
              --broker URI             MQTT broker (default tcp://127.0.0.1:1883)
              --beds N                 number of beds, 1-999 (default 1)
              --seed S                 master seed, an integer (default 42)
              --prefix P               topic prefix (default station/v1)
              --bed-prefix B           bed ids are B-01, B-02, ... (default bed)
              --duration D             stop after D of simulated time, e.g. 90s, 10m, 2h (default: until Ctrl-C)
              --fast                   publish the whole duration as fast as the broker takes it
              --infusion-start D       infusion starts D after the simulation (default 1m)
              --infusion-duration D    infusion length (default 40m)
              --volume ML              infused volume in mL (default 100)
              --scenario NAME|FILE     every bed runs a scenario from the start: uneventful, hypertension,
                                       desaturation, pump-occlusion, device-failures, or a .yaml file
              --idle-pumps             pumps wait to be programmed over the control channel
              --control-port P         serve the HTTP control channel on 127.0.0.1:P (0 = any free port)
              --ca-file FILE           ssl:// broker: PEM authority its certificate must chain to (default: the JVM's)
              --trust-store FILE       ssl:// broker: the same as a PKCS#12 or JKS file (password: SIM_TRUST_STORE_PASSWORD)
              --key-store FILE         ssl:// broker asking for client certificates: PKCS#12 key and certificate
                                       (password: SIM_KEY_STORE_PASSWORD)
              --accounts FILE          each device's broker account, 'bed-01.monitor=PASSWORD' lines (the demo's
                                       broker/device-passwords.properties); 'bed-01.monitor.user=NAME' names it otherwise
              --help                   show this text""";

    /** The outcome: either help was asked for, or a run is configured. */
    record Parsed(boolean help, SimulatorConfig config, OptionalInt controlPort) {
    }

    private CommandLine() {
    }

    static Parsed parse(String[] args, SimulatorConfig defaults) throws UsageException {
        return parse(args, defaults, System.getenv());
    }

    /** The same with the environment the key store passwords are read from. */
    static Parsed parse(String[] args, SimulatorConfig defaults, Map<String, String> env) throws UsageException {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        Map<String, Path> connection = new HashMap<>();
        SimulatorConfig config = defaults;
        InfusionPlan plan = defaults.infusion();
        boolean fast = false;
        OptionalInt controlPort = OptionalInt.empty();
        try {
            while (!rest.isEmpty()) {
                String option = next(rest);
                switch (option) {
                    case "--help", "-h" -> {
                        return new Parsed(true, defaults, OptionalInt.empty());
                    }
                    case "--broker" -> config = config.withMqtt(new PublisherSettings(value(option, rest),
                            config.mqtt().runId(), config.mqtt().maxInflight(), config.mqtt().bufferSize(), config.mqtt().tls(),
                            config.mqtt().logins()));
                    case "--beds" -> config = config.withBeds((int) number(option, rest));
                    case "--seed" -> config = config.withSeed(number(option, rest));
                    case "--prefix" -> config = config.withTopicPrefix(value(option, rest));
                    case "--bed-prefix" -> config = config.withBedPrefix(value(option, rest));
                    case "--duration" -> config = config.withDuration(duration(option, rest));
                    case "--fast" -> fast = true;
                    case "--infusion-start" -> plan = plan.withStartOffset(duration(option, rest));
                    case "--infusion-duration" ->
                            plan = new InfusionPlan(plan.startOffset(), duration(option, rest), plan.volumeMl());
                    case "--volume" -> plan = new InfusionPlan(plan.startOffset(), plan.duration(),
                            decimal(option, rest));
                    case "--scenario" -> config = config.withScenario(value(option, rest));
                    case "--idle-pumps" -> config = config.withIdlePumps(true);
                    case "--control-port" -> {
                        long port = number(option, rest);
                        if (port < 0 || port > 65_535) {
                            throw new UsageException("--control-port must be 0-65535: " + port);
                        }
                        controlPort = OptionalInt.of((int) port);
                    }
                    case "--ca-file", "--trust-store", "--key-store", "--accounts" -> connection.put(option, Path.of(value(option, rest)));
                    default -> throw new UsageException("unknown option '" + option + "'");
                }
            }
            config = secured(config.withInfusion(plan), connection, env);
            config.scenario().ifPresent(Scenario::load);
            return new Parsed(false, fast ? config.withPacing(Pacing.AS_FAST_AS_POSSIBLE) : config, controlPort);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The broker connection with the TLS files and device accounts named by {@code files} (docs/simulation.md). */
    private static SimulatorConfig secured(SimulatorConfig config, Map<String, Path> files, Map<String, String> env)
            throws UsageException {
        if (files.isEmpty()) {
            return config;
        }
        PublisherSettings m = config.mqtt();
        boolean tls = files.containsKey("--ca-file") || files.containsKey("--trust-store") || files.containsKey("--key-store");
        if (tls && !m.brokerUri().startsWith("ssl://")) {
            throw new UsageException("--ca-file, --trust-store and --key-store are for ssl:// brokers; --broker is " + m.brokerUri());
        }
        if (files.containsKey("--ca-file") && files.containsKey("--trust-store")) {
            throw new UsageException("give --ca-file or --trust-store, not both");
        }
        try {
            Optional<SSLSocketFactory> sockets = tls ? Optional.of(BrokerConnection.sockets(Optional.ofNullable(files.get("--ca-file")),
                    Optional.ofNullable(files.get("--trust-store")), env.getOrDefault("SIM_TRUST_STORE_PASSWORD", "").toCharArray(),
                    Optional.ofNullable(files.get("--key-store")), env.getOrDefault("SIM_KEY_STORE_PASSWORD", "").toCharArray()))
                    : m.tls();
            PublisherSettings.Logins logins = files.containsKey("--accounts")
                    ? BrokerConnection.accounts(files.get("--accounts"), config.bedIds().stream()
                            .flatMap(bed -> SimulatedBed.DEVICE_IDS.stream().map(device -> bed + "." + device)).toList())
                    : m.logins();
            return config.withMqtt(new PublisherSettings(m.brokerUri(), m.runId(), m.maxInflight(), m.bufferSize(), sockets, logins));
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The next option; {@code --name=value} is split so the value follows. */
    private static String next(Deque<String> rest) {
        String option = rest.removeFirst();
        int equals = option.indexOf('=');
        if (option.startsWith("--") && equals > 0) {
            rest.addFirst(option.substring(equals + 1));
            return option.substring(0, equals);
        }
        return option;
    }

    private static String value(String option, Deque<String> rest) throws UsageException {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static long number(String option, Deque<String> rest) throws UsageException {
        String text = value(option, rest);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs an integer, not '" + text + "'");
        }
    }

    private static double decimal(String option, Deque<String> rest) throws UsageException {
        String text = value(option, rest);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + text + "'");
        }
    }

    private static Duration duration(String option, Deque<String> rest) throws UsageException {
        return DurationText.parse(value(option, rest));
    }
}
