package org.openinfusion.sim;

import java.nio.file.Path;
import java.util.Locale;
import org.openinfusion.sim.scenario.Scenario;
import org.openinfusion.sim.scenario.ScenarioException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.openinfusion.sim.asena.AsenaSettings;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.signal.InfusionPlan;

/** Turns the serial simulator's arguments into a {@link SerialSimulatorConfig}, or says what is wrong. */
final class SerialCommandLine {

    static final String USAGE = """
            usage: SerialSimulatorMain --device s5|asena (--pty PATH | --tcp PORT) [options]
              --device D               s5 (GE S/5 DRI monitor) or asena (BD Alaris Asena GH/CC pump)
              --pty PATH               open this pty (e.g. one end of a socat pair)
              --tcp PORT               listen on 127.0.0.1:PORT as a serial device server (0: any free port)
              --fault F,F,...          faults on at start: corrupt-checksum, drop-bytes, garbage, stall,
                                       sensor-off (s5), occlusion, air-in-line (asena)
              --replay FILE            send the RX bytes of a raw capture file instead of simulating
              --capture FILE           record the session as a raw capture file
              --seed S                 patient seed, an integer (default 42)
              --dri-level N            S/5 DRI level, 2..11 or 0x02..0x0B (default 0x0A)
              --serial SN              Asena serial number (default 800012345)
              --infusion-start D       infusion starts D after the simulation (default 1m)
              --infusion-duration D    infusion length (default 40m)
              --volume ML              infused volume in mL (default 100)
              --scenario NAME|FILE     the patient and pump follow a scenario from the start (its events for
                                       every bed; docs/simulation.md) instead of the infusion options
              --help                   show this text
            While running, type on stdin: 'on FAULT', 'off FAULT', 'stall 10s', 'disconnect'.""";

    /** Either help was asked for, or a run is configured. */
    record Parsed(boolean help, SerialSimulatorConfig config) {
    }

    private SerialCommandLine() {
    }

    static Parsed parse(String[] args) throws UsageException {
        Deque<String> rest = new ArrayDeque<>(Arrays.asList(args));
        SerialSimulatorConfig config = SerialSimulatorConfig.defaults("");
        boolean pty = false;
        boolean tcp = false;
        try {
            while (!rest.isEmpty()) {
                String option = rest.removeFirst();
                switch (option) {
                    case "--help", "-h" -> {
                        return new Parsed(true, config);
                    }
                    case "--device" -> config = withDevice(config, value(option, rest));
                    case "--pty" -> {
                        config = config.onPty(Path.of(value(option, rest)));
                        pty = true;
                    }
                    case "--tcp" -> {
                        config = config.onTcp((int) number(option, value(option, rest)));
                        tcp = true;
                    }
                    case "--scenario" -> config = config.withScenario(scenario(value(option, rest)));
                    case "--fault" -> config = config.withFaults(faults(value(option, rest)));
                    case "--replay" -> config = config.withReplay(Path.of(value(option, rest)));
                    case "--capture" -> config = config.withCapture(Path.of(value(option, rest)));
                    case "--seed" -> config = config.withSeed(number(option, value(option, rest)));
                    case "--dri-level" -> config = config.withS5(config.s5().withDriLevel(level(value(option, rest))));
                    case "--serial" -> config = config.withAsena(new AsenaSettings(value(option, rest)));
                    case "--infusion-start", "--infusion-duration", "--volume" ->
                            config = config.withInfusion(infusion(config.infusion(), option, value(option, rest)));
                    default -> throw new UsageException("unknown option '" + option + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Parsed(false, checked(config, pty, tcp));
    }

    private static SerialSimulatorConfig withDevice(SerialSimulatorConfig c, String device) throws UsageException {
        if (!SerialSimulators.devices().contains(device)) {
            throw new UsageException("--device must be one of " + SerialSimulators.devices() + ", not '" + device + "'");
        }
        return new SerialSimulatorConfig(device, c.pty(), c.tcpPort(), c.seed(), c.faults(), c.replay(), c.capture(),
                c.s5(), c.asena(), c.infusion(), c.scenario());
    }

    private static SerialSimulatorConfig checked(SerialSimulatorConfig config, boolean pty, boolean tcp)
            throws UsageException {
        if (pty == tcp) {
            throw new UsageException("give exactly one of --pty PATH and --tcp PORT");
        }
        if (config.device().isEmpty() && config.replay().isEmpty()) {
            throw new UsageException("--device s5|asena is required (or --replay FILE)");
        }
        return config;
    }

    private static Scenario scenario(String nameOrFile) throws UsageException {
        try {
            return Scenario.load(nameOrFile);
        } catch (ScenarioException e) {
            throw new UsageException("--scenario: " + e.getMessage());
        }
    }

    static Set<Fault> faults(String list) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                faults.add(Fault.fromCliName(name));
            }
        }
        return faults;
    }

    private static InfusionPlan infusion(InfusionPlan plan, String option, String value) throws UsageException {
        return switch (option) {
            case "--infusion-start" -> plan.withStartOffset(DurationText.parse(value));
            case "--infusion-duration" -> new InfusionPlan(plan.startOffset(), DurationText.parse(value),
                    plan.volumeMl());
            default -> new InfusionPlan(plan.startOffset(), plan.duration(), decimal(option, value));
        };
    }

    private static int level(String text) throws UsageException {
        String digits = text.toLowerCase(Locale.ROOT);
        try {
            return digits.startsWith("0x") ? Integer.parseInt(digits.substring(2), 16) : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new UsageException("--dri-level needs a number such as 10 or 0x0A, not '" + text + "'");
        }
    }

    private static String value(String option, Deque<String> rest) throws UsageException {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return rest.removeFirst();
    }

    private static long number(String option, String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs an integer, not '" + text + "'");
        }
    }

    private static double decimal(String option, String text) throws UsageException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + text + "'");
        }
    }
}
