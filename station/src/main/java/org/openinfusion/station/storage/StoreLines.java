package org.openinfusion.station.storage;

import java.util.Objects;

/** Ready-made line protocol (e.g. the audit trail's mirror) to be made durable and stored like samples. */
public record StoreLines(String lineProtocol) {
    public StoreLines {
        Objects.requireNonNull(lineProtocol, "lineProtocol");
        if (!lineProtocol.endsWith("\n")) {
            lineProtocol = lineProtocol + "\n";
        }
    }
}
