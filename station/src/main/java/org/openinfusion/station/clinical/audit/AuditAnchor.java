package org.openinfusion.station.clinical.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the audit trail outside its file: every {@code every} entries, at open and at close, a {@link Checkpoint}
 * signed with the station's Ed25519 key is appended to {@code <audit file>.checkpoints} (fsynced) and the same line
 * replaces the head file in the keys folder (the last signed head, in a second place). The key pair is made at the
 * first start, in the keys folder (owner-only permissions); it is never made again while a checkpoint or head exists.
 * Layout and rules: docs/audit.md, "Anchoring".
 */
public final class AuditAnchor {
    public static final String PRIVATE_KEY = "audit-signing.key";
    public static final String PUBLIC_KEY = "audit-signing.pub";
    public static final String HEAD = "audit.head";
    public static final String CHECKPOINTS_SUFFIX = ".checkpoints";
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path checkpoints;
    private final Path head;
    private final PrivateKey key;
    private final PublicKey pub;
    private final Clock clock;
    private final int every;
    private final boolean fresh;
    private long lastSigned = -1;

    private AuditAnchor(Path checkpoints, Path head, PrivateKey key, PublicKey pub, Clock clock, int every, boolean fresh) {
        this.checkpoints = checkpoints;
        this.head = head;
        this.key = key;
        this.pub = pub;
        this.clock = clock;
        this.every = every;
        this.fresh = fresh;
    }

    /**
     * The anchor of {@code auditFile} with its key in {@code keysDir}. Makes the key pair when neither the key, its
     * checkpoints nor the head exist; when checkpoints or a head exist without the key it refuses (a new key would
     * hide a replaced trail).
     *
     * @param every a checkpoint after every this many entries (at least 1)
     */
    public static AuditAnchor open(Path auditFile, Path keysDir, Clock clock, int every) throws IOException {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoint interval must be at least 1, was " + every);
        }
        Path checkpoints = checkpointsOf(auditFile);
        Path head = keysDir.resolve(HEAD);
        Path priv = keysDir.resolve(PRIVATE_KEY);
        Path pubFile = keysDir.resolve(PUBLIC_KEY);
        if (Files.exists(priv)) {
            return new AuditAnchor(checkpoints, head, readPrivate(priv), readPublic(pubFile), clock, every, false);
        }
        if (Files.exists(checkpoints) || Files.exists(head)) {
            throw new AuditTamperedException(auditFile, new AnchorCheck.Finding(AnchorCheck.Problem.KEY_MISMATCH, "the signing key "
                    + priv + " is missing while checkpoints exist; the station does not make a new key over an anchored trail: "
                    + "restore the key, or archive the trail (key rotation)"));
        }
        createOwnerOnlyDir(keysDir);
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make an Ed25519 key: " + e.getMessage(), e);
        }
        writeAtomically(pubFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        writeAtomically(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        LOG.info("made the audit signing key {} (key id {})", priv, Checkpoint.keyId(pair.getPublic()));
        return new AuditAnchor(checkpoints, head, pair.getPrivate(), pair.getPublic(), clock, every, true);
    }

    /** Where the checkpoints of an audit file are kept: beside it, its name plus {@value #CHECKPOINTS_SUFFIX}. */
    public static Path checkpointsOf(Path auditFile) {
        return auditFile.resolveSibling(auditFile.getFileName() + CHECKPOINTS_SUFFIX);
    }

    public PublicKey publicKey() {
        return pub;
    }

    /**
     * Checks the verified trail against every checkpoint and the head. A key made just now has nothing to check.
     *
     * @throws AuditTamperedException when the trail is shorter than, or differs from, what was signed
     */
    void check(Path auditFile, long entries, LongFunction<String> hashAt) throws IOException {
        if (fresh) {
            return;
        }
        List<Checkpoint> known = readAll(checkpoints, head);
        Optional<AnchorCheck.Finding> finding = AnchorCheck.check(known, pub, entries, hashAt);
        if (finding.isPresent()) {
            throw new AuditTamperedException(auditFile, finding.get());
        }
        lastSigned = known.stream().mapToLong(Checkpoint::seq).max().orElse(-1);
    }

    /** Whether the entry with this seq gets a checkpoint. */
    boolean due(long seq) {
        return seq % every == 0;
    }

    /** Signs and stores the checkpoint of {@code seq}/{@code hash} unless it is already the last one signed. */
    void checkpoint(long seq, String hash) throws IOException {
        if (seq == lastSigned) {
            return;
        }
        String line = Checkpoint.sign(seq, hash, clock.instant(), key, pub).toLine() + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        try (var c = FileChannel.open(checkpoints, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            var b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        writeAtomically(head, line, true);
        lastSigned = seq;
    }

    /** Every checkpoint in the checkpoints file and the head file (missing files give none; unreadable lines fail). */
    public static List<Checkpoint> readAll(Path checkpoints, Path head) throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        for (Path p : List.of(checkpoints, head)) {
            if (!Files.exists(p)) {
                continue;
            }
            int n = 0;
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(Checkpoint.fromLine(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(p + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** Reads a public key written by the station (PEM, X.509). */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(file)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(file)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    private static byte[] unpem(Path file) throws IOException {
        StringBuilder b64 = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!line.startsWith("-----")) {
                b64.append(line.strip());
            }
        }
        return Base64.getDecoder().decode(b64.toString());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END "
                + label + "-----\n";
    }

    private static void createOwnerOnlyDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        }
    }

    /** Writes a temporary file (owner-only when {@code secret}), fsyncs it and moves it over {@code target}. */
    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            if (secret && posix(tmp)) {
                Files.setPosixFilePermissions(tmp, OWNER_ONLY);
            }
            try (var c = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) {
                    c.write(b);
                }
                c.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path p) throws IOException {
        return Files.getFileStore(p.toAbsolutePath().getParent() == null ? p : p.toAbsolutePath().getParent())
                .supportsFileAttributeView("posix");
    }
}
