package org.openinfusion.station.health;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The station's connection to its MQTT broker, as health reports it. */
public interface BrokerLink {
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
