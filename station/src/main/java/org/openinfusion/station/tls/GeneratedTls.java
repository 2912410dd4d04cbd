package org.openinfusion.station.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private certificate authority and one server certificate for the loopback address, for the demo and the tests
 * (Bouncy Castle; EC P-256, SHA-256). Written into a folder: {@code ca.pem} (the authority's certificate,
 * what clients trust), {@code server.p12} (key and chain for a Java server; password in {@link #keystorePassword}),
 * optionally {@code clients/NAME.p12} (client certificates with CN=NAME, same password),
 * {@code server.pem} and {@code server.key} (the same as PEM for mosquitto), {@code server.p12.password} (the key store's
 * password, so that a later start can hand the same key store to its server). The authority's private key is never
 * written: nothing else can be signed with it once it has been made. Private key files are owner-only, in an
 * owner-only folder. {@link #reuseOrCreate} keeps the files of an earlier start while they are still good
 * ({@link KeptTls}'s rules) and makes new ones otherwise.
 *
 * @param dir              the folder holding the files
 * @param keystorePassword the password of {@code server.p12} (random, made with it)
 */
public record GeneratedTls(Path dir, String keystorePassword) {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedTls.class);
    /** The host names and addresses every certificate made here covers. */
    public static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost");
    /** How long a certificate made here is valid. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    /** A kept certificate closer than this to its end is made anew at a start. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String CA_SUFFIX = " private CA";

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path keystore() {
        return dir.resolve("server.p12");
    }

    public Path certPem() {
        return dir.resolve("server.pem");
    }

    public Path keyPem() {
        return dir.resolve("server.key");
    }

    /** The password of {@link #keystore}, owner-only, written last (a start cut short leaves none, and the next makes all anew). */
    public Path keystorePasswordFile() {
        return dir.resolve("server.p12.password");
    }

    /** A client certificate's key store made by {@link #create(Path, String, List)} ({@code clients/NAME.p12}). */
    public Path clientKeystore(String clientName) {
        return dir.resolve("clients").resolve(clientName + ".p12");
    }

    /** Makes a fresh authority and a server certificate for {@code 127.0.0.1} and {@code localhost}, valid for a year. */
    public static GeneratedTls create(Path dir, String name) throws IOException {
        return create(dir, name, List.of());
    }

    /**
     * The same, and from the same authority a client certificate for each of {@code clients} (its subject's CN, for TLS
     * client authentication), each in {@link #clientKeystore} with the same password.
     */
    public static GeneratedTls create(Path dir, String name, List<String> clients) throws IOException {
        return CertificateMaker.make(dir, name, clients, Instant.now(), LOOPBACK, VALIDITY);
    }

    /**
     * The certificates an earlier start left in {@code dir} when they are still good for {@code name} at {@code now}
     * ({@link KeptTls}: the files complete and owner-only, the key the certificate's, signed by the authority in
     * {@code ca.pem}, covering {@code 127.0.0.1} and {@code localhost}, valid for at least {@link #RENEW_BEFORE} more),
     * (their key store and its password as they are); otherwise a fresh authority and certificate, as {@link #create(Path,
     * String)}. Kept files mean a client that trusts {@code ca.pem} (or a browser that accepted the certificate) keeps
     * trusting it across restarts. Logs which of the two happened and why.
     */
    public static GeneratedTls reuseOrCreate(Path dir, String name, Instant now) throws IOException {
        Optional<String> stale = KeptTls.staleness(dir, name, LOOPBACK, now, RENEW_BEFORE);
        if (stale.isEmpty()) {
            GeneratedTls kept = KeptTls.keep(dir);
            LOG.info("TLS certificate for '{}' kept from an earlier start in {}", name, dir);
            return kept;
        }
        LOG.info("TLS certificate for '{}' made in {}: {}", name, dir, stale.get());
        return CertificateMaker.make(dir, name, List.of(), now, LOOPBACK, VALIDITY);
    }

    /** Test seam: the certificates made at {@code now} for {@code hosts}, valid for {@code validity}. */
    static GeneratedTls createAt(Path dir, String name, Instant now, List<String> hosts, Duration validity) throws IOException {
        return CertificateMaker.make(dir, name, List.of(), now, hosts, validity);
    }
}
