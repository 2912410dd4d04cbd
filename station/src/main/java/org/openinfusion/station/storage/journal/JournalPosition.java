package org.openinfusion.station.storage.journal;

/** A place in the journal: a segment and a byte offset inside it. */
public record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {
    public JournalPosition {
        if (segment < 0 || offset < 0) {
            throw new IllegalArgumentException("negative journal position " + segment + ":" + offset);
        }
    }

    @Override
    public int compareTo(JournalPosition o) {
        int c = Long.compare(segment, o.segment);
        return c != 0 ? c : Long.compare(offset, o.offset);
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
