package org.openinfusion.station.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GeneratedTls#reuseOrCreate}: the certificates of an earlier start are kept while they are good and made anew
 * when they are not (docs/security.md "TLS certificates the station makes"). "Kept" is seen in the files' bytes: the
 * authority and the key are the same as before.
 */
class GeneratedTlsReuseTest {
    private static final String NAME = "station embedded broker";
    private static final Instant NOW = Instant.parse("2026-12-05T16:00:00Z");

    @TempDir
    Path root;

    @Test
    void aSecondStartKeepsTheCertificatesAndTheirKeyStoreAndTheyStillServeTls() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls first = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        byte[] ca = Files.readAllBytes(first.caPem());
        byte[] key = Files.readAllBytes(first.keyPem());

        GeneratedTls second = GeneratedTls.reuseOrCreate(dir, NAME, NOW.plus(Duration.ofDays(100)));

        assertArrayEquals(ca, Files.readAllBytes(second.caPem()));
        assertArrayEquals(key, Files.readAllBytes(second.keyPem()));
        assertEquals(first.keystorePassword(), second.keystorePassword());
        assertTrue(second.keystorePassword().length() >= 24);
        assertEquals(second.keystorePassword(), Files.readString(second.keystorePasswordFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.keystorePasswordFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.keyPem())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(second.keystore())));
        // the kept key store opens with its password, and a client trusting ca.pem accepts the server
        // under both names it was made for
        assertTrue(handshake(second, "127.0.0.1"));
        assertTrue(handshake(second, "localhost"));
    }

    @Test
    void aCertificateWithinThirtyDaysOfItsEndIsMadeAnewOneWithMoreIsKept() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls made = GeneratedTls.createAt(dir, NAME, NOW, GeneratedTls.LOOPBACK, Duration.ofDays(365));
        byte[] ca = Files.readAllBytes(made.caPem());

        assertEquals(Optional.empty(), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW.plus(Duration.ofDays(334)), GeneratedTls.RENEW_BEFORE));
        assertReason(KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW.plus(Duration.ofDays(336)), GeneratedTls.RENEW_BEFORE), "runs out", "renewed 30 days before");

        GeneratedTls renewed = GeneratedTls.reuseOrCreate(dir, NAME, NOW.plus(Duration.ofDays(336)));
        assertFalse(Arrays.equals(ca, Files.readAllBytes(renewed.caPem())));
        assertEquals(Optional.empty(), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW.plus(Duration.ofDays(336)), GeneratedTls.RENEW_BEFORE));
    }

    @Test
    void anExpiredCertificateAndOneNotYetValidAreMadeAnew() throws Exception {
        Path expired = root.resolve("expired");
        GeneratedTls.createAt(expired, NAME, NOW.minus(Duration.ofDays(400)), GeneratedTls.LOOPBACK, Duration.ofDays(365));
        assertReason(KeptTls.staleness(expired, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "runs out");

        // the clock went back: made "tomorrow"
        Path future = root.resolve("future");
        GeneratedTls.createAt(future, NAME, NOW.plus(Duration.ofDays(2)), GeneratedTls.LOOPBACK, Duration.ofDays(365));
        assertReason(KeptTls.staleness(future, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "valid only from");
        assertKeptIsFalse(future);
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsMadeAnew() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls.createAt(dir, NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        GeneratedTls other = GeneratedTls.createAt(root.resolve("other"), NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        Files.copy(other.keyPem(), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);

        assertEquals(Optional.of("server.key is not the key of the certificate"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        assertKeptIsFalse(dir);
    }

    @Test
    void anotherNameOrAHostTheCertificateDoesNotCoverIsMadeAnew() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls.createAt(dir, NAME, NOW, List.of("127.0.0.1"), GeneratedTls.VALIDITY);

        assertReason(KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "does not cover localhost");
        assertEquals(Optional.empty(), KeptTls.staleness(dir, NAME, List.of("127.0.0.1"), NOW, GeneratedTls.RENEW_BEFORE));
        assertReason(KeptTls.staleness(dir, "infusion station dashboard", List.of("127.0.0.1"), NOW, GeneratedTls.RENEW_BEFORE), "infusion station dashboard");

        GeneratedTls remade = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertEquals(Set.of("127.0.0.1", "localhost"), KeptTls.coveredNames(KeptTls.certificates(remade.certPem()).getFirst()));
    }

    @Test
    void aKeyOrFolderOpenToOthersIsMadeAnewAndTheNewKeyIsOwnerOnly() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls made = GeneratedTls.createAt(dir, NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        byte[] key = Files.readAllBytes(made.keyPem());
        Files.setPosixFilePermissions(made.keyPem(), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(Optional.of("server.key is open to others (rw-r--r--)"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        GeneratedTls remade = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertFalse(Arrays.equals(key, Files.readAllBytes(remade.keyPem())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(remade.keyPem())));

        Files.setPosixFilePermissions(remade.keystorePasswordFile(), PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(Optional.of("server.p12.password is open to others (rw-r-----)"),
                KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        remade = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(remade.keystorePasswordFile())));

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
        assertReason(KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "folder is open to others");
        GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void anotherAuthorityAMissingFileOrAnUnreadableCertificateIsMadeAnew() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls made = GeneratedTls.createAt(dir, NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        GeneratedTls other = GeneratedTls.createAt(root.resolve("other"), NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        byte[] ca = Files.readAllBytes(made.caPem());
        Files.copy(other.caPem(), made.caPem(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.of("ca.pem is not the authority in server.pem"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));

        Files.write(made.caPem(), ca);
        assertEquals(Optional.empty(), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        // the server's certificate of another authority, with that authority's certificate after it
        Files.copy(other.certPem(), made.certPem(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.of("ca.pem is not the authority in server.pem"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));

        Files.writeString(made.certPem(), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertTrue(KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE).orElseThrow().startsWith("unreadable"));

        Files.delete(made.keystorePasswordFile());
        assertEquals(Optional.of("server.p12.password is missing"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));

        Files.delete(made.certPem());
        assertEquals(Optional.of("server.pem is missing"), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        GeneratedTls remade = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertFalse(Arrays.equals(ca, Files.readAllBytes(remade.caPem())));
        assertTrue(handshake(remade, "localhost"));
    }

    @Test
    void aKeyStoreWithAnotherCertificateOrAPasswordThatDoesNotOpenItIsMadeAnew() throws Exception {
        Path dir = root.resolve("tls");
        GeneratedTls.createAt(dir, NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        // the key store of another set (a server would serve its certificate), given the right password: refused
        GeneratedTls other = GeneratedTls.createAt(root.resolve("other"), NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        Files.copy(other.keystore(), dir.resolve("server.p12"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.keystorePasswordFile(), dir.resolve("server.p12.password"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.of("server.p12 does not hold server.key with server.pem"),
                KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
        assertKeptIsFalse(dir);

        // a password file that does not open the key store: made anew (not a failed start)
        KeptTls.writeOwnerOnly(dir.resolve("server.p12.password"), "not-the-password");
        assertReason(KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "unreadable");
        assertKeptIsFalse(dir);
    }

    @Test
    void aFolderThatIsASymbolicLinkIsNotKept() throws Exception {
        Path real = root.resolve("real-tls");
        GeneratedTls.createAt(real, NAME, NOW, GeneratedTls.LOOPBACK, GeneratedTls.VALIDITY);
        Path link = Files.createSymbolicLink(root.resolve("tls"), real);
        assertReason(KeptTls.staleness(link, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE), "symbolic link");
    }

    private static void assertReason(Optional<String> reason, String... parts) {
        assertTrue(reason.isPresent(), "made anew");
        for (String part : parts) {
            assertTrue(reason.get().contains(part), reason.get() + " names " + part);
        }
    }

    private static void assertKeptIsFalse(Path dir) throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("ca.pem"));
        GeneratedTls after = GeneratedTls.reuseOrCreate(dir, NAME, NOW);
        assertFalse(Arrays.equals(before, Files.readAllBytes(after.caPem())));
        assertEquals(Optional.empty(), KeptTls.staleness(dir, NAME, GeneratedTls.LOOPBACK, NOW, GeneratedTls.RENEW_BEFORE));
    }

    /** A TLS server on the kept key store and a client trusting only ca.pem, checking {@code host} against the certificate. */
    private static boolean handshake(GeneratedTls tls, String host) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            ks.load(in, tls.keystorePassword().toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, tls.keystorePassword().toCharArray());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(42);
                    out.flush();
                    return s.getInputStream().read();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) PemTrust.socketFactory(tls.caPem()).createSocket(host, listener.getLocalPort())) {
                SSLParameters p = client.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(p);
                int got = client.getInputStream().read();
                client.getOutputStream().write(7);
                client.getOutputStream().flush();
                return got == 42 && served.get(10, TimeUnit.SECONDS) == 7;
            }
        }
    }
}
