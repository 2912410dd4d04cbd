package org.openinfusion.station.clinical;

import java.util.Map;
import org.openinfusion.station.clinical.audit.EventCodec;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;

/**
 * Tests' audit port that sees each event as it would be written (type name and payload, through the one codec),
 * without a file: {@code (EncodedAudit) (type, actor, session, payload) -> ...}.
 */
@FunctionalInterface
public interface EncodedAudit extends AuditPort {
    void written(String type, String actor, String sessionId, Map<String, Object> payload);

    @Override
    default void record(String actor, SessionId session, TrailEvent event) {
        EventCodec.Encoded e = EventCodec.encode(event);
        written(e.type(), actor, session == null ? null : session.value(), e.payload());
    }
}
