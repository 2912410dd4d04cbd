package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Compares an audit file (already chain-verified) with its signed checkpoints: the same rules for the station at
 * open and for {@code bin/audit-verify}. Signatures first, then every checkpoint against the entry it names.
 */
public final class AnchorCheck {
    private AnchorCheck() {
    }

    /** What is wrong, each with its own exit code in {@code bin/audit-verify}. */
    public enum Problem {
        /** A checkpoint names another key than the one given: the key was replaced, or the checkpoints come from elsewhere. */
        KEY_MISMATCH,
        /** A checkpoint names this key but its signature does not verify: the checkpoint was edited or forged. */
        BAD_SIGNATURE,
        /** The file ends before an entry a checkpoint signed: its tail was cut off. */
        TRUNCATED,
        /** An entry differs from the one a checkpoint signed while the chain is intact: the file was re-chained. */
        REWRITTEN,
        /** The key exists but no checkpoint does (the checkpoints and the head were removed). */
        ANCHOR_MISSING
    }

    /** A problem and what shows it. */
    public record Finding(Problem problem, String detail) {
        @Override
        public String toString() {
            return problem + ": " + detail;
        }
    }

    /** Checks an audit file whose chain verified intact with {@code entries} entries against the checkpoints. */
    public static Optional<Finding> checkFile(Path file, long entries, List<Checkpoint> checkpoints, PublicKey key)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return check(checkpoints, key, entries, seq -> seq == 0 ? AuditJson.GENESIS : AuditEntry.fromLine(lines.get((int) seq - 1)).hash());
    }

    /**
     * @param checkpoints every signed checkpoint known (the checkpoints file and the head kept elsewhere)
     * @param entries the number of intact entries in the file
     * @param hashAt the hash of the entry with that seq (1..entries); 0 gives the genesis value
     */
    public static Optional<Finding> check(List<Checkpoint> checkpoints, PublicKey key, long entries, LongFunction<String> hashAt) {
        if (checkpoints.isEmpty()) {
            return Optional.of(new Finding(Problem.ANCHOR_MISSING, "no signed checkpoint found, although the station's key exists"));
        }
        String keyId = Checkpoint.keyId(key);
        for (Checkpoint c : checkpoints) {
            if (!c.keyId().equals(keyId)) {
                return Optional.of(new Finding(Problem.KEY_MISMATCH, "checkpoint at seq " + c.seq() + " was signed by key "
                        + c.keyId() + ", not by the given key " + keyId));
            }
            if (!c.verifies(key)) {
                return Optional.of(new Finding(Problem.BAD_SIGNATURE, "the signature of the checkpoint at seq " + c.seq()
                        + " does not verify: the checkpoint was edited or forged"));
            }
        }
        List<Checkpoint> sorted = checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::seq)).toList();
        for (Checkpoint c : sorted) {
            if (c.seq() <= entries && !c.hash().equals(hashAt.apply(c.seq()))) {
                return Optional.of(new Finding(Problem.REWRITTEN, "entry " + c.seq() + " has hash " + hashAt.apply(c.seq())
                        + " but the checkpoint signed " + c.hash() + " at " + c.signedAt() + ": the file was rewritten"));
            }
        }
        Checkpoint head = sorted.get(sorted.size() - 1);
        if (head.seq() > entries) {
            return Optional.of(new Finding(Problem.TRUNCATED, "the file has " + entries + " entries but entry " + head.seq()
                    + " was signed at " + head.signedAt() + ": " + (head.seq() - entries) + " or more entries were cut off"));
        }
        return Optional.empty();
    }
}
