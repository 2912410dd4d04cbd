package org.openinfusion.station.clinical.service;

import io.vertx.core.eventbus.EventBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditLineProtocol;
import org.openinfusion.station.clinical.audit.AuditWriter;
import org.openinfusion.station.clinical.history.AuditPort;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.storage.StoreLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of a running station: the hash-chained file first (through the one {@link AuditWriter}, fsynced
 * before this returns), then a mirror of the entry into InfluxDB through the durable buffer. Blocks on disk: call it
 * from a worker thread.
 */
public final class AuditLogTrail implements AuditPort {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogTrail.class);

    private final AuditWriter writer;
    private final EventBus bus;

    public AuditLogTrail(AuditWriter writer, EventBus bus) {
        this.writer = writer;
        this.bus = bus;
    }

    @Override
    public void record(String actor, SessionId session, TrailEvent event) {
        AuditEntry entry;
        try {
            entry = writer.write(actor, session, event);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail write failed; the step was not recorded", e);
        }
        mirror(entry);
    }

    /** The events as one: one write and one fsync (all durable, or none in the file), then each mirrored. */
    @Override
    public void recordAll(String actor, SessionId session, List<TrailEvent> events) {
        List<AuditEntry> entries;
        try {
            entries = writer.writeAll(actor, session, events);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail write failed; nothing of the step was recorded", e);
        }
        entries.forEach(this::mirror);
    }

    private void mirror(AuditEntry entry) {
        bus.request(Addresses.STORE_LINES, new StoreLines(AuditLineProtocol.toLine(entry))).onFailure(e ->
                LOG.warn("audit entry {} not mirrored to the time-series store ({}); the audit file has it", entry.seq(), e.getMessage()));
    }
}
