package org.openinfusion.station.storage;

import java.nio.charset.StandardCharsets;
import org.openinfusion.station.storage.compact.CompactDecoder;
import org.openinfusion.station.storage.compact.CompactEncoder;
import org.openinfusion.station.storage.compact.CompactEntry;
import org.openinfusion.station.storage.compact.MalformedEntryException;
import org.openinfusion.station.storage.journal.DurableJournal;
import org.openinfusion.station.storage.journal.JournalEntry;

/** The line protocol of a journal entry, whichever format its segment holds. Pure: no I/O. */
public final class JournalEntries {
    private JournalEntries() {
    }

    /**
     * Appends the entry's lines: compact entries are decoded and written as {@link LineProtocol} writes them
     * (the same points as when they were appended as text), ready-made lines ended by a line break; entries of headerless segments (earlier versions)
     * are line protocol already.
     */
    public static void appendLines(JournalEntry entry, StringBuilder out) {
        switch (entry.format()) {
            case DurableJournal.HEADERLESS -> out.append(new String(entry.payload(), StandardCharsets.UTF_8));
            case CompactEncoder.FORMAT -> {
                switch (CompactDecoder.decode(entry.payload())) {
                    case CompactEntry.Observations o -> {
                        for (int i = 0; i < o.observations().size(); i++) {
                            LineProtocol.append(o.observations().get(i), o.revisions().get(i), out);
                        }
                    }
                    case CompactEntry.Lines l -> {
                        out.append(l.lineProtocol());
                        if (!l.lineProtocol().endsWith("\n")) {
                            out.append('\n');
                        }
                    }
                }
            }
            default -> throw new MalformedEntryException("durable buffer entry of unknown format " + entry.format()
                    + " at " + entry.end());
        }
    }
}
