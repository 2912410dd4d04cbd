package org.openinfusion.station.storage.journal;

/**
 * One entry read back from the journal, the position just after it (what to commit), and the payload format of its
 * segment ({@link DurableJournal#HEADERLESS} for segments written by earlier versions).
 */
public record JournalEntry(byte[] payload, JournalPosition end, int format) {
}
