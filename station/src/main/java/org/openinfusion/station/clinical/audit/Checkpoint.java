package org.openinfusion.station.clinical.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement "the audit trail's entry {@code seq} has hash {@code hash}", made by the station at
 * {@code signedAt} with its Ed25519 key ({@code keyId}: the first 16 bytes of the SHA-256 of the public key's X.509
 * encoding, hex). Seq 0 with the genesis hash is the checkpoint of an empty trail. One JSON line on disk.
 */
public record Checkpoint(long seq, String hash, Instant signedAt, String keyId, String signature) {
    static final String ALGORITHM = "Ed25519";
    private static final String PREFIX = "openinfusion-station audit checkpoint v1\n";

    public Checkpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "key");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs the checkpoint of an entry (or of the empty trail: seq 0, the genesis hash). */
    static Checkpoint sign(long seq, String hash, Instant signedAt, PrivateKey key, PublicKey pub) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(signedText(seq, hash, signedAt));
            return new Checkpoint(seq, hash, signedAt, keyId(pub), Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether the signature verifies with {@code key}. */
    public boolean verifies(PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(signedText(seq, hash, signedAt));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes signed: a fixed prefix, then seq, hash and time, one per line. */
    private static byte[] signedText(long seq, String hash, Instant at) {
        return (PREFIX + seq + "\n" + hash + "\n" + at + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The key's short identity, printed by bin/audit-verify and written with every checkpoint. */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String toLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", hash);
        m.put("signedAt", signedAt.toString());
        m.put("key", keyId);
        m.put("signature", signature);
        return AuditJson.canonical(m);
    }

    /** @throws IllegalArgumentException when the line is not a checkpoint */
    static Checkpoint fromLine(String line) {
        Map<String, Object> m = AuditJson.parse(line);
        try {
            return new Checkpoint(((Number) m.get("seq")).longValue(), (String) m.get("hash"), Instant.parse((String) m.get("signedAt")),
                    (String) m.get("key"), (String) m.get("signature"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a checkpoint line: " + e.getMessage(), e);
        }
    }
}
