package org.openinfusion.station.device.mqtt;

import org.openinfusion.station.domain.RejectReason;
import org.openinfusion.station.domain.Rejection;

/** Thrown inside the decoder for one bad message or record; always turned into a {@link Rejection}. */
final class DecodeException extends Exception {
    private final RejectReason reason;

    DecodeException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Rejection rejection() {
        return new Rejection(reason, getMessage());
    }
}
