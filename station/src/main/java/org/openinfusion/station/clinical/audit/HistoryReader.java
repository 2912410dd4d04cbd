package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.history.Written;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one reader of typed events: each verified entry decoded by {@link EventCodec}. */
public final class HistoryReader {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryReader.class);

    private HistoryReader() {
    }

    /**
     * The entry as a typed event. An entry of a known type that lacks a field its event needs (not one the station
     * wrote) reads as {@link TrailEvent.Unrecognised}: the trail still reads, and the entry stays in every verbatim export.
     */
    public static Recorded read(AuditEntry e) {
        TrailEvent event;
        try {
            event = EventCodec.decode(e.type(), e.actor(), e.sessionId(), e.time(), e.payload());
        } catch (IllegalArgumentException unreadable) {
            // Seq and type only: the payload may hold a subject code.
            LOG.warn("audit entry {} ({}) does not read as its event; kept as written, unrecognised", e.seq(), e.type());
            event = new TrailEvent.Unrecognised(e.type(), e.payload());
        }
        return new Recorded(e.seq(), e.time(), e.actor(), SessionId.orNull(e.sessionId()), event,
                new Written(e.type(), e.payload(), e.previousHash(), e.hash()));
    }

    public static List<Recorded> read(List<AuditEntry> entries) {
        return entries.stream().map(HistoryReader::read).toList();
    }

    public static AuditHistory history(List<AuditEntry> entries) {
        return new AuditHistory(read(entries));
    }

    /** A whole trail file, verified first (see {@link AuditReader#readVerified}). */
    public static AuditHistory history(Path file) throws IOException {
        return history(AuditReader.readVerified(file));
    }
}
