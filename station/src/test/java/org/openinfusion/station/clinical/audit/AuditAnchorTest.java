package org.openinfusion.station.clinical.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's signed checkpoints, tried as an attacker would: cut, edit, re-chain, swap the key, forge a checkpoint. */
class AuditAnchorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private Path audit() {
        return data.resolve("audit").resolve("audit.log");
    }

    private Path keys() {
        return data.resolve("keys");
    }

    /** Writes {@code n} entries through an anchored log that checkpoints every 4 entries, then closes it. */
    private void writeAnchored(int n) throws IOException {
        Files.createDirectories(audit().getParent());
        try (AuditLog log = AuditLog.open(audit(), CLOCK, AuditAnchor.open(audit(), keys(), CLOCK, 4))) {
            for (int i = 1; i <= n; i++) {
                log.append("test.event", "u-1", null, Map.of("v", i));
            }
        }
    }

    /** An internally valid chain of {@code n} entries written afresh, entry {@code changed} with another value. */
    private Path freshChain(int n, int changed, int value) throws IOException {
        Path forged = data.resolve("forged.log");
        try (AuditLog log = AuditLog.open(forged, CLOCK)) {
            for (int i = 1; i <= n; i++) {
                log.append("test.event", "u-1", null, Map.of("v", i == changed ? value : i));
            }
        }
        return forged;
    }

    private AuditTamperedException refusedAtOpen() {
        return assertThrows(AuditTamperedException.class,
                () -> AuditLog.open(audit(), CLOCK, AuditAnchor.open(audit(), keys(), CLOCK, 4)).close());
    }

    @Test
    void checkpointsAreSignedEveryNEntriesAtOpenAndAtCloseWithAnOwnerOnlyKey() throws IOException {
        // given a new data folder
        // when 10 entries are written with a checkpoint every 4
        writeAnchored(10);
        // then the empty trail (seq 0), entries 4 and 8, and entry 10 at close are signed, and the head names entry 10
        List<Checkpoint> cps = AuditAnchor.readAll(AuditAnchor.checkpointsOf(audit()), data.resolve("nothing"));
        assertEquals(List.of(0L, 4L, 8L, 10L), cps.stream().map(Checkpoint::seq).toList());
        List<Checkpoint> head = AuditAnchor.readAll(data.resolve("nothing"), keys().resolve(AuditAnchor.HEAD));
        assertEquals(10L, head.get(0).seq());
        assertEquals(AuditVerifier.verify(audit()).lastHash(), head.get(0).hash());
        assertTrue(cps.stream().allMatch(c -> c.verifies(readPublic())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys().resolve(AuditAnchor.PRIVATE_KEY))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys())));
        // and the trail opens again and continues
        writeAnchored(2);
        assertEquals(12, AuditVerifier.verify(audit()).entries());
    }

    @Test
    void aTrailWithItsTailCutOffIsRefusedAsTruncated() throws IOException {
        // given a signed trail of 10 entries
        writeAnchored(10);
        // when its last three lines are removed (the chain of what is left is intact)
        List<String> lines = Files.readAllLines(audit());
        Files.write(audit(), lines.subList(0, 7));
        // then the station refuses it: shorter than its signed head
        AuditTamperedException e = refusedAtOpen();
        assertEquals(AnchorCheck.Problem.TRUNCATED, e.finding().problem());
        assertTrue(e.getMessage().contains("the file has 7 entries but entry 10 was signed"), e.getMessage());
    }

    @Test
    void aTrailCutOffWithItsCheckpointsFileCutTooIsCaughtByTheHead() throws IOException {
        // given a signed trail of 10 entries
        writeAnchored(10);
        // when the trail and the checkpoints file are both cut back to entry 4 (the head in the keys folder is left)
        Files.write(audit(), Files.readAllLines(audit()).subList(0, 4));
        Path cps = AuditAnchor.checkpointsOf(audit());
        Files.write(cps, Files.readAllLines(cps).subList(0, 2));
        // then the head still shows the truncation
        assertEquals(AnchorCheck.Problem.TRUNCATED, refusedAtOpen().finding().problem());
    }

    @Test
    void anEditedEntryIsRefusedAsABrokenChain() throws IOException {
        // given a signed trail
        writeAnchored(6);
        // when one value is edited in place
        Files.writeString(audit(), Files.readString(audit()).replace("\"v\":3", "\"v\":30"));
        // then the chain check refuses it before any checkpoint is needed
        AuditChainBrokenException e = assertThrows(AuditChainBrokenException.class,
                () -> AuditLog.open(audit(), CLOCK, AuditAnchor.open(audit(), keys(), CLOCK, 4)));
        assertEquals(AuditProblem.HASH_MISMATCH, e.link().problem());
    }

    @Test
    void aFullyReChainedTrailIsRefusedAsRewritten() throws IOException {
        // given a signed trail of 10 entries
        writeAnchored(10);
        // when an attacker writes a fresh, internally valid chain with entry 3 changed, and puts it in its place
        Path forged = freshChain(10, 3, 300);
        assertTrue(AuditVerifier.verify(forged).intact());
        Files.move(forged, audit(), StandardCopyOption.REPLACE_EXISTING);
        // then the station refuses it: entry 4 differs from the one it signed
        AuditTamperedException e = refusedAtOpen();
        assertEquals(AnchorCheck.Problem.REWRITTEN, e.finding().problem());
        assertTrue(e.getMessage().contains("entry 4 has hash"), e.getMessage());
    }

    @Test
    void aReplacedKeyIsRefusedAsAKeyMismatch() throws IOException {
        // given a signed trail, and another station's key pair
        writeAnchored(5);
        Path other = data.resolve("other");
        AuditAnchor.open(other.resolve("audit.log"), other.resolve("keys"), CLOCK, 4);
        // when the key pair is swapped for the other one
        for (String f : List.of(AuditAnchor.PRIVATE_KEY, AuditAnchor.PUBLIC_KEY)) {
            Files.copy(other.resolve("keys").resolve(f), keys().resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        // then the checkpoints name another key
        assertEquals(AnchorCheck.Problem.KEY_MISMATCH, refusedAtOpen().finding().problem());
    }

    @Test
    void aDeletedKeyIsRefusedAndNotSilentlyReplaced() throws IOException {
        // given a signed trail
        writeAnchored(5);
        // when the private key is deleted
        Files.delete(keys().resolve(AuditAnchor.PRIVATE_KEY));
        // then the station refuses rather than making a new key over the anchored trail
        assertEquals(AnchorCheck.Problem.KEY_MISMATCH, refusedAtOpen().finding().problem());
        assertFalse(Files.exists(keys().resolve(AuditAnchor.PRIVATE_KEY)));
    }

    @Test
    void aCheckpointEditedToMatchARewrittenTrailHasABadSignature() throws IOException {
        // given a signed trail of 4 entries (checkpoints at 0 and 4)
        writeAnchored(4);
        // when the last entry is re-chained and the attacker writes its new hash into the checkpoints and the head
        String oldHash = AuditVerifier.verify(audit()).lastHash();
        List<String> lines = Files.readAllLines(audit());
        Path forged = freshChain(4, 4, 40);
        String newHash = AuditVerifier.verify(forged).lastHash();
        Files.move(forged, audit(), StandardCopyOption.REPLACE_EXISTING);
        for (Path p : List.of(AuditAnchor.checkpointsOf(audit()), keys().resolve(AuditAnchor.HEAD))) {
            Files.writeString(p, Files.readString(p).replace(oldHash, newHash));
        }
        assertEquals(4, lines.size());
        // then the checkpoint's signature does not verify
        assertEquals(AnchorCheck.Problem.BAD_SIGNATURE, refusedAtOpen().finding().problem());
    }

    @Test
    void removedCheckpointsAndHeadAreRefusedAsAMissingAnchor() throws IOException {
        // given a signed trail
        writeAnchored(5);
        // when both the checkpoints and the head are deleted
        Files.delete(AuditAnchor.checkpointsOf(audit()));
        Files.delete(keys().resolve(AuditAnchor.HEAD));
        // then the key's presence shows the trail was anchored
        assertEquals(AnchorCheck.Problem.ANCHOR_MISSING, refusedAtOpen().finding().problem());
    }

    @Test
    void aRefusedLogTakesNoEntryAndLeavesTheFileAsItWas() throws IOException {
        // given a trail file
        writeAnchored(3);
        byte[] before = Files.readAllBytes(audit());
        // when a log refused at open is asked to append and to repair itself
        AuditLog log = AuditLog.refused(audit(), CLOCK, "trail refused at start: TRUNCATED");
        // then it refuses, says why, and the file is untouched
        assertThrows(AuditUnavailableException.class, () -> log.append("test.event", "u-1", null, Map.of()));
        assertFalse(log.maintain());
        assertFalse(log.available());
        assertTrue(log.unavailableReason().contains("TRUNCATED"));
        log.close();
        assertTrue(Arrays.equals(before, Files.readAllBytes(audit())));
    }

    private PublicKey readPublic() {
        try {
            return AuditAnchor.readPublic(keys().resolve(AuditAnchor.PUBLIC_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
