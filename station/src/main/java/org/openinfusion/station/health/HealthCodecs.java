package org.openinfusion.station.health;

import java.util.List;
import org.openinfusion.station.bus.LocalMessages;

/** The health snapshot and technical alarms on the bus. */
public final class HealthCodecs implements LocalMessages {
    @Override
    public List<Class<?>> types() {
        return List.of(HealthSnapshot.class, TechnicalAlarm.class);
    }
}
