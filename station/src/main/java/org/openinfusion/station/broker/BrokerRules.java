package org.openinfusion.station.broker;

import java.util.List;
import java.util.Optional;
import org.openinfusion.station.config.DeviceRegistry;

/**
 * Who may connect to the broker and what each may do, from the device registry (docs/mqtt.md, "Broker security"). The
 * embedded broker applies these rules ({@link AccessExtension}); {@link MosquittoFiles} writes the same rules for an
 * external mosquitto.
 *
 * <ul>
 *   <li>The station's account: reads {@code {prefix}/#}, publishes nothing; the only account that may use the station's
 *       client id.</li>
 *   <li>A registered device: publishes only under {@code {prefix}/beds/{bed}/devices/{device}/#}, reads nothing.</li>
 *   <li>No registry (development only): any client may connect without credentials and publish under {@code {prefix}/#},
 *       but none reads, and none takes the station's client id.</li>
 * </ul>
 *
 * @param registry        the devices; empty = open (development) mode
 * @param prefix          the topic prefix ({@code station/v1})
 * @param stationAccount  the station's user name
 * @param stationHash     the station's password hash ({@link MqttPasswords})
 * @param stationClientId the station's client id, reserved to the station's account
 */
public record BrokerRules(Optional<DeviceRegistry> registry, String prefix, String stationAccount, String stationHash,
                          String stationClientId) {

    /** What one connection may do: topic filters it may publish to and subscribe to. */
    public record Grant(String who, List<String> publish, List<String> subscribe) {
    }

    /** The grant of a CONNECT, or a refusal with its reason (never naming the password). */
    public sealed interface Decision {
        record Allowed(Grant grant) implements Decision {
        }

        record Refused(String reason) implements Decision {
        }
    }

    public Decision connect(Optional<String> user, Optional<char[]> password, String clientId) {
        return connect(user, password, clientId, Optional.empty());
    }

    /**
     * The same for a client that presented a certificate the broker verified against its client authority:
     * {@code certificateIdentity} is its subject's common name. A registered device of that account is allowed without
     * a password (and with a user name only if it is the same account); any other identity is refused, and so is the
     * station's account (the station signs in with its password).
     */
    public Decision connect(Optional<String> user, Optional<char[]> password, String clientId, Optional<String> certificateIdentity) {
        if (certificateIdentity.isPresent()) {
            String identity = certificateIdentity.get();
            if (user.isPresent() && !user.get().equals(identity)) {
                return new Decision.Refused("user name differs from the certificate's identity");
            }
            if (clientId.equals(stationClientId)) {
                return new Decision.Refused("client id reserved to the station");
            }
            Optional<DeviceRegistry.Device> device = registry.flatMap(r -> r.account(identity));
            if (device.isEmpty()) {
                return new Decision.Refused("certificate identity is not a registered device");
            }
            return new Decision.Allowed(new Grant(device.get().account(), List.of(deviceTree(device.get())), List.of()));
        }
        boolean station = user.isPresent() && user.get().equals(stationAccount);
        if (station) {
            if (password.isEmpty() || !MqttPasswords.matches(password.get(), stationHash)) {
                return new Decision.Refused("wrong password for the station account");
            }
            return new Decision.Allowed(new Grant("station", List.of(), List.of(prefix + "/#")));
        }
        if (clientId.equals(stationClientId)) {
            return new Decision.Refused("client id reserved to the station");
        }
        if (registry.isEmpty()) {
            return new Decision.Allowed(new Grant("any (no device registry)", List.of(prefix + "/#"), List.of()));
        }
        if (user.isEmpty() || password.isEmpty()) {
            return new Decision.Refused("no user name or password");
        }
        Optional<DeviceRegistry.Device> device = registry.get().account(user.get());
        if (device.isEmpty() || !MqttPasswords.matches(password.get(), device.get().passwordHash())) {
            return new Decision.Refused("unknown account or wrong password");
        }
        return new Decision.Allowed(new Grant(device.get().account(), List.of(deviceTree(device.get())), List.of()));
    }

    /** Room in an MQTT packet for the fixed header, the topic and the packet id beside the payload. */
    public static final int PACKET_OVERHEAD_BYTES = 1024;

    /**
     * The largest MQTT packet the broker takes ({@code mqtt.maxPayloadBytes} plus {@link #PACKET_OVERHEAD_BYTES}): a
     * client sending a larger one is disconnected by the broker and its packet never forwarded.
     */
    public static int maxPacketBytes(int maxPayloadBytes) {
        return maxPayloadBytes + PACKET_OVERHEAD_BYTES;
    }

    /** {@code {prefix}/beds/{bed}/devices/{device}/#}: everything a device may publish to. */
    public String deviceTree(DeviceRegistry.Device d) {
        return prefix + "/beds/" + d.source().bedId() + "/devices/" + d.source().deviceId() + "/#";
    }
}
