package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;

/** The one writer of typed events: encodes each with {@link EventCodec} and appends it to the {@link AuditLog}. */
public final class AuditWriter implements AuditPort {
    private final AuditLog log;

    public AuditWriter(AuditLog log) {
        this.log = log;
    }

    /** Appends the event (fsynced before this returns) and gives back the written entry. */
    public AuditEntry write(String actor, SessionId session, TrailEvent event) throws IOException {
        EventCodec.Encoded e = EventCodec.encode(event);
        return log.append(e.type(), actor, session == null ? null : session.value(), e.payload());
    }

    /** @throws UncheckedIOException when the entry could not be made durable */
    @Override
    public void record(String actor, SessionId session, TrailEvent event) {
        try {
            write(actor, session, event);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail write failed; the step was not recorded", e);
        }
    }
}
