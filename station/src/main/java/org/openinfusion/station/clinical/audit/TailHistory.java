package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.openinfusion.station.clinical.history.AuditHistory;
import org.openinfusion.station.clinical.history.Recorded;

/**
 * The audit trail as an {@link AuditHistory}, kept up to date by an {@link AuditTail}: each {@link #get} reads and
 * verifies only what was appended since the last one, and returns the same history instance while nothing was (so a
 * reader can keep what it derived from it). A broken chain fails every later request, as the tail does. Thread-safe.
 */
public final class TailHistory implements Supplier<AuditHistory> {
    private final AuditTail tail;
    private AuditHistory history;
    private long entries = -1;

    public TailHistory(AuditTail tail) {
        this.tail = tail;
    }

    @Override
    public synchronized AuditHistory get() {
        try {
            tail.refresh();
            if (history == null || tail.entries() != entries) {
                List<Recorded> all = new ArrayList<>(tail.stationWide());
                tail.sessions().values().forEach(all::addAll);
                all.sort(Comparator.comparingLong(Recorded::seq));
                entries = tail.entries();
                history = new AuditHistory(all);
            }
            return history;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
