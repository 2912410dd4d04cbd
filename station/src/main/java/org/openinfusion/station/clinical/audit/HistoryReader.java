package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.SessionId;
import org.openinfusion.station.clinical.history.Written;

/** The one reader of typed events: each verified entry decoded by {@link EventCodec}. */
public final class HistoryReader {
    private HistoryReader() {
    }

    public static Recorded read(AuditEntry e) {
        return new Recorded(e.seq(), e.time(), e.actor(), SessionId.orNull(e.sessionId()),
                EventCodec.decode(e.type(), e.actor(), e.sessionId(), e.time(), e.payload()),
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
