package org.openinfusion.station.testing;

import java.time.Clock;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.rating.yaml.InstrumentCatalog;
import org.openinfusion.station.clinical.service.SessionService;

/** The session-service fixture: the built-in protocols and instruments, default alarm settings, a given trail and clock. */
public final class Sessions {
    private Sessions() {
    }

    public static SessionService service(AuditPort trail, Clock clock) {
        return service(InstrumentCatalog.builtIn(), trail, clock);
    }

    public static SessionService service(InstrumentCatalog instruments, AuditPort trail, Clock clock) {
        return new SessionService(ProtocolCatalog.builtIn(), instruments, trail, clock, AlarmSettings.DEFAULTS);
    }
}
