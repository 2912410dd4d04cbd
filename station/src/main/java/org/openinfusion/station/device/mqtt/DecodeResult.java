package org.openinfusion.station.device.mqtt;

import java.util.List;
import java.util.Optional;
import org.openinfusion.station.domain.DeviceStatus;
import org.openinfusion.station.domain.Observation;
import org.openinfusion.station.domain.Rejection;

/** What one MQTT message yielded: accepted observations, a device status, and rejected parts. */
public record DecodeResult(List<Observation> observations, Optional<DeviceStatus> status, List<Rejection> rejections) {
    public DecodeResult {
        observations = List.copyOf(observations);
        rejections = List.copyOf(rejections);
    }

    static DecodeResult rejected(Rejection r) {
        return new DecodeResult(List.of(), Optional.empty(), List.of(r));
    }
}
