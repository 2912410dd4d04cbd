package org.openinfusion.station.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openinfusion.station.domain.DeviceRef;

/**
 * The devices allowed to send data (docs/mqtt.md, "Device registry"): one broker account per device, the bed and
 * device it publishes as, and its password as a PBKDF2 hash in mosquitto's {@code $7$} format. Read once at start-up;
 * a bad line stops the start naming every bad line. Bounded: at most {@link #MAX_DEVICES} devices.
 *
 * <p>File format, one line per device, {@code #} comments:
 * {@code account = bed/device $7$iterations$salt$hash}, or {@code account = bed/device certificate} for a device that
 * signs in only with a client certificate whose common name is the account (embedded broker, {@code mqtt.embeddedClientCa}).
 */
public final class DeviceRegistry {
    public static final int MAX_DEVICES = 10_000;
    /** In place of a password hash: the account signs in with its client certificate only (no password matches). */
    public static final String CERTIFICATE_ONLY = "certificate";
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern HASH = Pattern.compile("\\$7\\$\\d{1,7}\\$[A-Za-z0-9+/=]{8,}\\$[A-Za-z0-9+/=]{16,}");

    /** One registered device: its broker account, where it publishes, and its password hash. */
    public record Device(String account, DeviceRef source, String passwordHash) {
    }

    private final Map<String, Device> byAccount;
    private final Set<DeviceRef> sources;

    private DeviceRegistry(Map<String, Device> byAccount) {
        this.byAccount = Map.copyOf(byAccount);
        this.sources = Set.copyOf(byAccount.values().stream().map(Device::source).toList());
    }

    public static DeviceRegistry of(List<Device> devices) {
        Map<String, Device> map = new LinkedHashMap<>();
        devices.forEach(d -> map.put(d.account(), d));
        return new DeviceRegistry(map);
    }

    /** Reads and checks a registry file; every problem is named (file, line number, why) in one exception. */
    public static DeviceRegistry read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("mqtt.deviceRegistry: cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.getFileName().toString(), lines);
    }

    static DeviceRegistry parse(String name, List<String> lines) {
        List<String> problems = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        Set<String> accounts = new HashSet<>();
        Map<DeviceRef, String> sources = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            String[] right = eq < 0 ? new String[0] : line.substring(eq + 1).strip().split("\\s+");
            if (eq < 0 || right.length != 2) {
                problems.add(where + "expected 'account = bed/device $7$...'");
                continue;
            }
            String account = line.substring(0, eq).strip();
            String[] place = right[0].split("/", -1);
            if (!ACCOUNT.matcher(account).matches()) {
                problems.add(where + "account must be 1-64 of [A-Za-z0-9_.-]");
            } else if (place.length != 2 || !DeviceRef.isValidId(place[0]) || !DeviceRef.isValidId(place[1])) {
                problems.add(where + "bed/device must be two ids of [A-Za-z0-9_-]{1,32}");
            } else if (!HASH.matcher(right[1]).matches() && !right[1].equals(CERTIFICATE_ONLY)) {
                problems.add(where + "the password must be a PBKDF2 hash $7$iterations$salt$hash (bin/mqtt-accounts --hash makes one) "
                        + "or 'certificate'");
            } else if (!accounts.add(account)) {
                problems.add(where + "account '" + account + "' appears twice");
            } else {
                DeviceRef source = new DeviceRef(place[0], place[1]);
                String other = sources.putIfAbsent(source, account);
                if (other != null) {
                    problems.add(where + source + " is already the device of account '" + other + "'");
                } else {
                    devices.add(new Device(account, source, right[1]));
                }
            }
        }
        if (devices.size() > MAX_DEVICES) {
            problems.add(name + ": more than " + MAX_DEVICES + " devices");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("mqtt.deviceRegistry: " + String.join("; ", problems));
        }
        return of(devices);
    }

    /** The registry as file lines, readable by {@link #parse}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("# device registry (docs/mqtt.md): account = bed/device PBKDF2-hash");
        byAccount.values().stream().sorted(Comparator.comparing(Device::account))
                .forEach(d -> out.add(d.account() + " = " + d.source() + " " + d.passwordHash()));
        return out;
    }

    public Optional<Device> account(String account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    /** Whether a device with this bed and device id is registered. */
    public boolean knows(DeviceRef source) {
        return sources.contains(source);
    }

    public Collection<Device> devices() {
        return byAccount.values();
    }

    public int size() {
        return byAccount.size();
    }
}
