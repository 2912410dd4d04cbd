package org.openinfusion.sim.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulated devices connect to the broker.
 *
 * @param brokerUri e.g. {@code tcp://127.0.0.1:1883}
 * @param runId suffix of every client id ({@code sim-{bed}-{device}-{runId}}), so that two runs never clash
 * @param maxInflight QoS 1 messages awaiting PUBACK per client (Paho's default of 10 is too low)
 * @param bufferSize messages held per device while its client is not connected; publishing waits when full
 */
public record PublisherSettings(String brokerUri, String runId, int maxInflight, int bufferSize) {

    public static final int DEFAULT_MAX_INFLIGHT = 1000;
    public static final int DEFAULT_BUFFER_SIZE = 200_000;
    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    public PublisherSettings {
        Objects.requireNonNull(brokerUri, "brokerUri");
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
        return new PublisherSettings(brokerUri, runId, DEFAULT_MAX_INFLIGHT, DEFAULT_BUFFER_SIZE);
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
