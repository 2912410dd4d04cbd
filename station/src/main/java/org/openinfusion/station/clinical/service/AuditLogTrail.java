package org.openinfusion.station.clinical.service;

import io.vertx.core.eventbus.EventBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openinfusion.station.bus.Addresses;
import org.openinfusion.station.clinical.audit.AuditEntry;
import org.openinfusion.station.clinical.audit.AuditLineProtocol;
import org.openinfusion.station.clinical.audit.AuditLog;
import org.openinfusion.station.clinical.blinding.AuditTrail;
import org.openinfusion.station.storage.StoreLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of a running station: the hash-chained file first (fsynced before this returns),
 * then a mirror of the entry into InfluxDB through the durable buffer. Blocks on disk: call it from a
 * worker thread.
 */
public final class AuditLogTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogTrail.class);

    private final AuditLog log;
    private final EventBus bus;

    public AuditLogTrail(AuditLog log, EventBus bus) {
        this.log = log;
        this.bus = bus;
    }

    @Override
    public void record(String type, String actor, String sessionId, Map<String, Object> payload) {
        AuditEntry entry;
        try {
            entry = log.append(type, actor, sessionId, payload);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail write failed; the step was not recorded", e);
        }
        bus.request(Addresses.STORE_LINES, new StoreLines(AuditLineProtocol.toLine(entry))).onFailure(e ->
                LOG.warn("audit entry {} not mirrored to the time-series store ({}); the audit file has it", entry.seq(), e.getMessage()));
    }
}
