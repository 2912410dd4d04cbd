package org.openinfusion.station.domain;

import java.util.Objects;

/** One refused message or record: the reason and a short human-readable detail (never patient data). */
public record Rejection(RejectReason reason, String detail) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
