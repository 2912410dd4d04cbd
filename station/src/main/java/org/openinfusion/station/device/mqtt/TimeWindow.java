package org.openinfusion.station.device.mqtt;

import java.time.Duration;
import java.time.Instant;
import org.openinfusion.station.domain.RejectReason;

/** Device times must be absolute, after 2001 and not more than a day ahead of the station's clock. */
final class TimeWindow {
    static final Instant EARLIEST = Instant.parse("2001-01-01T00:00:00Z");
    private static final Duration MAX_AHEAD = Duration.ofDays(1);

    Instant check(Instant deviceTime, Instant received) throws DecodeException {
        if (deviceTime.isBefore(EARLIEST) || deviceTime.isAfter(received.plus(MAX_AHEAD))) {
            throw new DecodeException(RejectReason.BAD_TIME, "device time " + deviceTime + " is implausible");
        }
        return deviceTime;
    }
}
