package org.openinfusion.station.device.s5;

import java.util.Objects;

/** One decoded numeric field: a value in the stream's unit, or the device's reason for having none. */
public sealed interface Reading {
    record Value(double value) implements Reading {
    }

    record NoValue(String reason) implements Reading {
        public NoValue {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Reading of(int raw, double scale) {
        return Sentinels.reason(raw).<Reading>map(NoValue::new).orElseGet(() -> new Value(raw * scale));
    }
}
