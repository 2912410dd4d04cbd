package org.openinfusion.station.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The station's connection to its MQTT broker, as health reports it. */
public interface BrokerLink {
    /**
     * How long the station may take to make its first broker connection after it starts. Until then a broker not
     * reached is "connecting" (logged at INFO), not a fault; after it, BROKER_DISCONNECTED is raised and the
     * connection's retries log at WARN.
     */
    Duration FIRST_CONNECT_GRACE = Duration.ofSeconds(30);

    boolean connected();

    /** Every time the connection was lost since the station started, however briefly. */
    long disconnects();

    Optional<Instant> lastDisconnect();

    /** A link that only knows whether it is connected (no disconnects recorded). */
    static BrokerLink of(BooleanSupplier connected) {
        return new BrokerLink() {
            @Override
            public boolean connected() {
                return connected.getAsBoolean();
            }

            @Override
            public long disconnects() {
                return 0;
            }

            @Override
            public Optional<Instant> lastDisconnect() {
                return Optional.empty();
            }
        };
    }
}
