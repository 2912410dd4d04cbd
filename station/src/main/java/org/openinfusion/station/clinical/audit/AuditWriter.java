package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
        return log.append(encoded(actor, session, event));
    }

    /** Appends the events as one (one write and one fsync: all durable, or none in the file) and gives back the entries. */
    public List<AuditEntry> writeAll(String actor, SessionId session, List<TrailEvent> events) throws IOException {
        return log.appendAll(events.stream().map(event -> encoded(actor, session, event)).toList());
    }

    private static AuditEvent encoded(String actor, SessionId session, TrailEvent event) {
        EventCodec.Encoded e = EventCodec.encode(event);
        return new AuditEvent(e.type(), actor, session == null ? null : session.value(), e.payload());
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

    /** @throws UncheckedIOException when the events could not be made durable (then none of them is in the trail) */
    @Override
    public void recordAll(String actor, SessionId session, List<TrailEvent> events) {
        try {
            writeAll(actor, session, events);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail write failed; nothing of the step was recorded", e);
        }
    }
}
