package org.openinfusion.station.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.domain.DeviceRef;

/**
 * Broker accounts for simulated devices, made on first use in a folder (the demo's {@code {dataDir}/broker}): a
 * device registry ({@code devices.registry}, hashes only) and the devices' own passwords
 * ({@code device-passwords.properties}, owner-only, read by the simulators). Account names are {@code bed.device}.
 * Devices asked for later (more beds) are added; existing accounts keep their passwords.
 */
public final class DemoDevices {
    public static final String REGISTRY = "devices.registry";
    public static final String PASSWORDS = "device-passwords.properties";

    private final DeviceRegistry registry;
    private final Properties passwords;

    private DemoDevices(DeviceRegistry registry, Properties passwords) {
        this.registry = registry;
        this.passwords = passwords;
    }

    public static String account(DeviceRef d) {
        return d.bedId() + "." + d.deviceId();
    }

    /** Reads the folder's accounts, adding any of {@code devices} missing, and writes both files back when it added any. */
    public static DemoDevices ensure(Path dir, List<DeviceRef> devices) throws IOException {
        Files.createDirectories(dir);
        Path registryFile = dir.resolve(REGISTRY);
        Path passwordFile = dir.resolve(PASSWORDS);
        Properties passwords = new Properties();
        List<DeviceRegistry.Device> known = new ArrayList<>();
        if (Files.exists(registryFile) && Files.exists(passwordFile)) {
            known.addAll(DeviceRegistry.read(registryFile).devices());
            try (Reader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                passwords.load(r);
            }
        }
        boolean added = false;
        for (DeviceRef d : devices) {
            String account = account(d);
            if (known.stream().noneMatch(k -> k.account().equals(account)) || passwords.getProperty(account) == null) {
                known.removeIf(k -> k.account().equals(account));
                String password = MqttPasswords.randomPassword();
                passwords.setProperty(account, password);
                known.add(new DeviceRegistry.Device(account, d, MqttPasswords.hash(password.toCharArray())));
                added = true;
            }
        }
        DeviceRegistry registry = DeviceRegistry.of(known);
        if (added) {
            Files.write(registryFile, registry.lines(), StandardCharsets.UTF_8);
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(passwordFile, StandardCharsets.UTF_8)) {
                passwords.store(w, "simulated devices' broker passwords (demo only; docs/mqtt.md)");
            }
        }
        return new DemoDevices(registry, passwords);
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /** The password of the simulated device {@code d}, if it has an account here. */
    public Optional<String> password(DeviceRef d) {
        return Optional.ofNullable(passwords.getProperty(account(d)));
    }
}
