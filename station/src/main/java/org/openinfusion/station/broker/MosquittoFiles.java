package org.openinfusion.station.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.tls.GeneratedTls;

/**
 * The device registry as mosquitto 2 files (docs/mqtt.md, "External mosquitto"): a {@code password_file} (the station's
 * and every device's account with its {@code $7$} hash, as {@code mosquitto_passwd} writes them) and an
 * {@code acl_file} giving the station read access to {@code {prefix}/#} and each device write access to its own
 * subtree only. Pair them with {@code allow_anonymous false} and {@code use_username_as_clientid true} (which binds each
 * persistent session, the station's included, to its account) - {@link #brokerSettings} writes those lines.
 */
public final class MosquittoFiles {
    private MosquittoFiles() {
    }

    public static List<String> passwordLines(BrokerRules rules) {
        List<String> out = new ArrayList<>();
        out.add(rules.stationAccount() + ":" + rules.stationHash());
        devices(rules).stream().filter(d -> !d.passwordHash().equals(DeviceRegistry.CERTIFICATE_ONLY))
                .forEach(d -> out.add(d.account() + ":" + d.passwordHash()));
        return out;
    }

    public static List<String> aclLines(BrokerRules rules) {
        List<String> out = new ArrayList<>();
        out.add("# generated from the station's device registry (docs/mqtt.md); anonymous clients get nothing");
        out.add("user " + rules.stationAccount());
        out.add("topic read " + rules.prefix() + "/#");
        for (DeviceRegistry.Device d : devices(rules)) {
            out.add("");
            out.add("user " + d.account());
            out.add("topic write " + rules.deviceTree(d));
        }
        return out;
    }

    /**
     * The mosquitto.conf lines that apply the two files in {@code dir} (written by {@link #write}), and disconnect a
     * client sending a packet larger than {@code maxPacketBytes} ({@link BrokerRules#maxPacketBytes}).
     */
    public static List<String> brokerSettings(Path dir, int maxPacketBytes) {
        return List.of("allow_anonymous false", "use_username_as_clientid true",
                "password_file " + dir.resolve("passwd").toAbsolutePath(), "acl_file " + dir.resolve("acl").toAbsolutePath(),
                "max_packet_size " + maxPacketBytes);
    }

    /**
     * Writes the two files into {@code dir} and returns the listener's mosquitto.conf lines for them and for TLS with
     * {@code tls}'s certificate and key (TLS 1.2 or later).
     */
    public static List<String> securedListener(BrokerRules rules, Path dir, GeneratedTls tls, int maxPacketBytes) throws IOException {
        write(rules, dir);
        List<String> lines = new ArrayList<>(brokerSettings(dir, maxPacketBytes));
        lines.add("cafile " + tls.caPem().toAbsolutePath());
        lines.add("certfile " + tls.certPem().toAbsolutePath());
        lines.add("keyfile " + tls.keyPem().toAbsolutePath());
        lines.add("tls_version tlsv1.2");
        return lines;
    }

    /**
     * The mosquitto.conf lines of a second listener for devices that sign in with a client certificate (mutual TLS),
     * after {@code per_listener_settings true}: a client must present a certificate that chains to {@code clientCa};
     * its subject's common name is its account ({@code use_identity_as_username}, matching the registry lines marked
     * {@code certificate}) and its client id, and the same {@code acl} in {@code dir} (written by {@link #write})
     * limits it to its own subtree. The server side is {@code tls}'s certificate and key.
     */
    public static List<String> certificateListener(Path dir, Path clientCa, GeneratedTls tls, int maxPacketBytes) {
        return List.of("allow_anonymous false", "require_certificate true", "use_identity_as_username true",
                "use_username_as_clientid true", "acl_file " + dir.resolve("acl").toAbsolutePath(),
                "cafile " + clientCa.toAbsolutePath(), "certfile " + tls.certPem().toAbsolutePath(),
                "keyfile " + tls.keyPem().toAbsolutePath(), "tls_version tlsv1.2", "max_packet_size " + maxPacketBytes);
    }

    /** Writes {@code passwd} (owner-only) and {@code acl} into {@code dir}. */
    public static void write(BrokerRules rules, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path passwd = dir.resolve("passwd");
        Files.write(passwd, passwordLines(rules), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        Files.write(dir.resolve("acl"), aclLines(rules), StandardCharsets.UTF_8);
    }

    private static List<DeviceRegistry.Device> devices(BrokerRules rules) {
        return rules.registry().map(r -> r.devices().stream().sorted(Comparator.comparing(DeviceRegistry.Device::account)).toList())
                .orElse(List.of());
    }
}
