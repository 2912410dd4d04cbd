package org.openinfusion.station.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.openinfusion.station.broker.BrokerRules;
import org.openinfusion.station.broker.MosquittoFiles;
import org.openinfusion.station.broker.MqttPasswords;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.LaunchSettings;
import org.openinfusion.station.config.MqttConfig;
import org.openinfusion.station.config.StationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Broker accounts from the device registry ({@code bin/mqtt-accounts}, docs/mqtt.md "Broker security"):
 * {@code --hash} prints the PBKDF2 hash of a password (for a registry line); {@code --mosquitto DIR} writes mosquitto's
 * {@code passwd} and {@code acl} for the configured registry and the station's account ({@code mqtt.username}; its
 * password asked for) and prints the listener lines that use them. Passwords are read without echo, or as the first
 * line of standard input.
 */
@Command(name = "mqtt-accounts", mixinStandardHelpOptions = true, version = "infusion station 0.1.0",
        description = "Hashes a device password for the device registry, or writes mosquitto's password and ACL files "
                + "from the registry (mqtt.deviceRegistry) and the station's account (mqtt.username; password asked for).",
        footer = "Exit 0 done, 1 files not written, 2 usage or configuration error.")
public final class MqttAccountsMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--hash", description = "print the $7$ hash of the password read")
    private boolean hash;

    @Option(names = "--mosquitto", paramLabel = "DIR", description = "write passwd and acl into DIR")
    private Path mosquitto;

    @Option(names = "--config", paramLabel = "FILE", description = "station properties (mqtt.deviceRegistry, mqtt.username, mqtt.topicPrefix)")
    private Path config;

    private final Supplier<char[]> password;

    private MqttAccountsMain(Supplier<char[]> password) {
        this.password = password;
    }

    public static void main(String[] args) {
        System.exit(run(args, AddUserMain::readPassword, System.out, System.err));
    }

    static int run(String[] args, Supplier<char[]> password, PrintStream out, PrintStream err) {
        return Commands.execute(new MqttAccountsMain(password), args, out, err);
    }

    @Override
    public Integer call() {
        if (hash == (mosquitto != null)) {
            return Commands.usage(spec, "give either --hash or --mosquitto DIR");
        }
        char[] secret = password.get();
        if (secret == null || secret.length < 8) {
            return Commands.usage(spec, "the password needs at least 8 characters");
        }
        if (hash) {
            spec.commandLine().getOut().println(MqttPasswords.hash(secret));
            return Commands.OK;
        }
        MqttConfig m;
        try {
            m = StationConfig.from(LaunchSettings.read(config)).mqtt();
        } catch (ConfigException e) {
            return Commands.usage(spec, "configuration: " + e.getMessage());
        }
        if (m.deviceRegistry().isEmpty() || m.username().isEmpty()) {
            return Commands.usage(spec, "mqtt.deviceRegistry and mqtt.username must be set");
        }
        BrokerRules rules = new BrokerRules(m.deviceRegistry(), m.topicPrefix(), m.username(), MqttPasswords.hash(secret),
                m.clientId());
        try {
            MosquittoFiles.write(rules, mosquitto);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot write " + mosquitto + ": " + e.getMessage());
            return Commands.FAILED;
        }
        spec.commandLine().getOut().println("wrote " + mosquitto.resolve("passwd") + " (" + (m.deviceRegistry().get().size() + 1)
                + " accounts) and " + mosquitto.resolve("acl") + "; mosquitto.conf lines for the listener (add TLS: cafile, certfile, keyfile):");
        MosquittoFiles.brokerSettings(mosquitto, BrokerRules.maxPacketBytes(m.maxPayloadBytes())).forEach(spec.commandLine().getOut()::println);
        return Commands.OK;
    }
}
