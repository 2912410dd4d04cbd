package org.openinfusion.sim.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * How the simulated devices connect to the broker.
 *
 * @param brokerUri e.g. {@code tcp://127.0.0.1:1883}
 * @param runId suffix of every client id ({@code sim-{bed}-{device}-{runId}}), so that two runs never clash
 * @param maxInflight QoS 1 messages awaiting PUBACK per client (Paho's default of 10 is too low)
 * @param bufferSize messages held per device while its client is not connected; publishing waits when full
 * @param tls for {@code ssl://} brokers: sockets that verify the broker's certificate against the authority the
 *            caller trusts (empty = the JVM's default trust)
 * @param logins each device's broker account (empty answer = connect without credentials)
 */
public record PublisherSettings(String brokerUri, String runId, int maxInflight, int bufferSize,
                                Optional<SSLSocketFactory> tls, Logins logins) {

    /** A simulated device's broker account. */
    public record Login(String user, char[] password) {
    }

    /** Which account the device {@code device} at bed {@code bed} connects with. */
    @FunctionalInterface
    public interface Logins {
        Optional<Login> of(String bed, String device);

        Logins NONE = (bed, device) -> Optional.empty();
    }

    public static final int DEFAULT_MAX_INFLIGHT = 1000;
    public static final int DEFAULT_BUFFER_SIZE = 200_000;
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public PublisherSettings {
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(logins, "logins");
        requireBrokerUri(brokerUri);
        if (!Topics.isValidId(runId) || runId.length() > 16) {
            throw new IllegalArgumentException("run id must be 1-16 of [A-Za-z0-9_-]: '" + runId + "'");
        }
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("max in-flight must be 1 - 65535: " + maxInflight);
        }
        if (bufferSize < 1) {
            throw new IllegalArgumentException("buffer size must be positive: " + bufferSize);
        }
    }

    public static PublisherSettings of(String brokerUri, String runId) {
        return new PublisherSettings(brokerUri, runId, DEFAULT_MAX_INFLIGHT, DEFAULT_BUFFER_SIZE, Optional.empty(), Logins.NONE);
    }

    /** The same devices connecting to {@code uri} over TLS checked with {@code sockets}, each with its own account. */
    public PublisherSettings secured(String uri, SSLSocketFactory sockets, Logins accounts) {
        return new PublisherSettings(uri, runId, maxInflight, bufferSize, Optional.of(sockets), accounts);
    }

    public String clientId(String bed, String device) {
        return "sim-" + bed + "-" + device + "-" + runId;
    }

    private static void requireBrokerUri(String brokerUri) {
        try {
            URI uri = new URI(brokerUri);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "broker must look like tcp://host:1883 (tcp, ssl, ws or wss): '" + brokerUri + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker is not a URI: '" + brokerUri + "'", e);
        }
    }
}
