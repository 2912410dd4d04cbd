package org.openinfusion.station.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The rules by which {@link GeneratedTls#reuseOrCreate} keeps the certificates of an earlier start (JDK only, no Bouncy
 * Castle). The files are kept only when all of these hold; otherwise {@link #staleness} names the first that does not,
 * and new ones are made:
 * <ul>
 * <li>{@code ca.pem}, {@code server.pem}, {@code server.key}, {@code server.p12} and {@code server.p12.password} exist
 * and can be read; the folder, {@code server.key}, {@code server.p12} and its password are owner-only (a key that
 * others could read is treated as known to them);</li>
 * <li>{@code server.pem} is the server's certificate followed by the authority's, and {@code ca.pem} is that same
 * authority;</li>
 * <li>the authority is a certificate authority named {@code CN=<name> private CA}, signed by itself; the server's
 * certificate is named {@code CN=<name>}, signed by that authority, for server authentication, and covers every one of
 * the host names and addresses asked for;</li>
 * <li>both are valid now and for at least {@link GeneratedTls#RENEW_BEFORE} more (a certificate close to its end is
 * replaced at a start, not when it runs out while the station runs);</li>
 * <li>{@code server.key} is the private key of the server's certificate (a signature made with it verifies with the
 * certificate's public key), and {@code server.p12}, what the servers are given, opens with the kept password and holds
 * exactly that key with that chain;</li>
 * <li>the folder is not a symbolic link (its permissions would be those of wherever it points).</li>
 * </ul>
 */
final class KeptTls {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private KeptTls() {
    }

    /** Empty when the files in {@code dir} may be kept for {@code name} and {@code hosts} at {@code now}; else why not. */
    static Optional<String> staleness(Path dir, String name, List<String> hosts, Instant now, Duration renewBefore) {
        GeneratedTls files = new GeneratedTls(dir, "");
        for (Path p : List.of(files.caPem(), files.certPem(), files.keyPem(), files.keystore(), files.keystorePasswordFile())) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(p.getFileName() + " is missing");
            }
        }
        try {
            if (Files.isSymbolicLink(dir)) {
                return Optional.of("the folder is a symbolic link (to " + Files.readSymbolicLink(dir) + ")");
            }
            if (!OWNER_ONLY_FOLDER.containsAll(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS))) {
                return Optional.of("the folder is open to others (" + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) + ")");
            }
            for (Path secret : List.of(files.keyPem(), files.keystore(), files.keystorePasswordFile())) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(secret, LinkOption.NOFOLLOW_LINKS);
                if (!OWNER_ONLY_FILE.containsAll(perms)) {
                    return Optional.of(secret.getFileName() + " is open to others (" + PosixFilePermissions.toString(perms) + ")");
                }
            }
            List<X509Certificate> chain = certificates(files.certPem());
            List<X509Certificate> authority = certificates(files.caPem());
            if (chain.size() != 2 || authority.size() != 1) {
                return Optional.of("server.pem holds " + chain.size() + " certificates (2 expected), ca.pem " + authority.size() + " (1 expected)");
            }
            X509Certificate server = chain.get(0);
            X509Certificate ca = chain.get(1);
            if (!ca.equals(authority.get(0))) {
                return Optional.of("ca.pem is not the authority in server.pem");
            }
            if (!ca.getSubjectX500Principal().equals(new X500Principal("CN=" + name + GeneratedTls.CA_SUFFIX))
                    || !ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal()) || ca.getBasicConstraints() < 0) {
                return Optional.of("ca.pem is not the private authority of '" + name + "'");
            }
            ca.verify(ca.getPublicKey());
            if (!server.getSubjectX500Principal().equals(new X500Principal("CN=" + name))
                    || !server.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                return Optional.of("the certificate is not for '" + name + "' from its authority (it is for "
                        + server.getSubjectX500Principal().getName() + ")");
            }
            server.verify(ca.getPublicKey());
            if (server.getExtendedKeyUsage() == null || !server.getExtendedKeyUsage().contains(SERVER_AUTH)) {
                return Optional.of("the certificate is not for server authentication");
            }
            Set<String> covered = coveredNames(server);
            List<String> notCovered = hosts.stream().filter(h -> !covered.contains(h.toLowerCase(Locale.ROOT))).toList();
            if (!notCovered.isEmpty()) {
                return Optional.of("the certificate does not cover " + String.join(", ", notCovered) + " (it covers " + covered + ")");
            }
            for (X509Certificate c : List.of(server, ca)) {
                Instant notBefore = c.getNotBefore().toInstant();
                Instant notAfter = c.getNotAfter().toInstant();
                if (now.isBefore(notBefore)) {
                    return Optional.of((c == ca ? "the authority" : "the certificate") + " is valid only from " + notBefore);
                }
                if (!now.plus(renewBefore).isBefore(notAfter)) {
                    return Optional.of((c == ca ? "the authority" : "the certificate") + " runs out at " + notAfter
                            + " (renewed " + renewBefore.toDays() + " days before)");
                }
            }
            PrivateKey key = privateKey(files.keyPem());
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(server.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                return Optional.of("server.key is not the key of the certificate");
            }
            // the key store is what the servers are given: it must open with the kept password (a wrong one throws)
            // and hold exactly the key and chain checked above
            return keyStoreHolds(files, key, List.of(server, ca));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("unreadable: " + e.getMessage());
        }
    }

    /** Empty when {@code server.p12} opens with its password and holds one key entry: {@code key} with {@code chain}. */
    private static Optional<String> keyStoreHolds(GeneratedTls files, PrivateKey key, List<X509Certificate> chain)
            throws IOException, GeneralSecurityException {
        char[] password = Files.readString(files.keystorePasswordFile(), StandardCharsets.US_ASCII).strip().toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(files.keystore(), LinkOption.NOFOLLOW_LINKS)) {
            ks.load(in, password);
        }
        List<String> aliases = Collections.list(ks.aliases());
        if (aliases.size() != 1 || !ks.isKeyEntry(aliases.getFirst())) {
            return Optional.of("server.p12 holds " + aliases.size() + " entries, not the one key");
        }
        Key stored = ks.getKey(aliases.getFirst(), password);
        Certificate[] storedChain = ks.getCertificateChain(aliases.getFirst());
        if (stored == null || !Arrays.equals(stored.getEncoded(), key.getEncoded())
                || storedChain == null || !List.of(storedChain).equals(chain)) {
            return Optional.of("server.p12 does not hold server.key with server.pem");
        }
        return Optional.empty();
    }

    /**
     * Keeps the files in {@code dir} as they are: the key store and its password from {@code server.p12.password}
     * (writing a new key store would cost a cold start about as much as the certificates' checks save).
     */
    static GeneratedTls keep(Path dir) throws IOException {
        ownerOnlyFolder(dir);
        GeneratedTls files = new GeneratedTls(dir, "");
        return new GeneratedTls(dir, Files.readString(files.keystorePasswordFile(), StandardCharsets.US_ASCII).strip());
    }

    static Set<String> coveredNames(X509Certificate c) throws GeneralSecurityException {
        Set<String> names = new HashSet<>();
        Collection<List<?>> san = c.getSubjectAlternativeNames();
        if (san != null) {
            for (List<?> entry : san) {
                int type = (Integer) entry.get(0);
                if (type == SAN_DNS || type == SAN_IP) {
                    names.add(String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        }
    }

    static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(pem.getFileName() + " holds no PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static boolean isIpAddress(String host) {
        return !host.isEmpty() && (host.contains(":") || host.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch)));
    }

    static String randomPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void ownerOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, OWNER_ONLY_FOLDER);
    }

    /** Writes {@code text} to a new file made owner-only before anything is in it (an older file is deleted first). */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    static void writeKeystore(Path file, String alias, PrivateKey key, Certificate[] chain, String password)
            throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(alias, key, password.toCharArray(), chain);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try (OutputStream o = Files.newOutputStream(file)) {
            ks.store(o, password.toCharArray());
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
