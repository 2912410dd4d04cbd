package org.openinfusion.station.storage.journal;

/** One entry read back from the journal, and the position just after it (what to commit). */
public record JournalEntry(byte[] payload, JournalPosition end) {
}
