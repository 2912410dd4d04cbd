package org.openinfusion.station.device.serial;

import java.util.List;
import org.openinfusion.station.domain.Observation;

/** Where a {@link DeviceRunner} reports: decoded values and technical alarms (raised or cleared). */
public interface DeviceEvents {
    /** A batch decoded from one read; never empty. */
    void observations(List<Observation> batch);

    void alarm(String code, boolean active, String message);
}
