package org.openinfusion.station.clinical.audit;

import java.util.Optional;

/** Follows a chain line by line: sequence from 1 without gaps, prev = previous hash, hash = content. */
final class ChainCheck {
    private long entries;
    private String lastHash = AuditJson.GENESIS;
    private AuditEntry last;

    /** Checks the next line; an empty result means it is a valid continuation and was accepted. */
    Optional<BrokenLink> accept(long lineNumber, String line) {
        AuditEntry e;
        try {
            e = AuditEntry.fromLine(line);
        } catch (IllegalArgumentException ex) {
            return broken(lineNumber, -1, AuditProblem.UNPARSABLE_LINE, ex.getMessage());
        }
        long expected = entries + 1;
        if (e.seq() != expected) {
            return broken(lineNumber, e.seq(), AuditProblem.SEQUENCE_GAP,
                    "expected seq " + expected + ", found " + e.seq());
        }
        if (!e.previousHash().equals(lastHash)) {
            return broken(lineNumber, e.seq(), AuditProblem.PREVIOUS_HASH_MISMATCH,
                    "prev " + e.previousHash() + " but the previous entry's hash is " + lastHash);
        }
        String computed = e.computeHash();
        if (!computed.equals(e.hash())) {
            return broken(lineNumber, e.seq(), AuditProblem.HASH_MISMATCH,
                    "written " + e.hash() + ", content gives " + computed);
        }
        entries++;
        lastHash = e.hash();
        last = e;
        return Optional.empty();
    }

    long entries() {
        return entries;
    }

    String lastHash() {
        return lastHash;
    }

    /** The last accepted entry, or null when none. */
    AuditEntry last() {
        return last;
    }

    private static Optional<BrokenLink> broken(long line, long seq, AuditProblem p, String detail) {
        return Optional.of(new BrokenLink(line, seq, p, detail));
    }
}
