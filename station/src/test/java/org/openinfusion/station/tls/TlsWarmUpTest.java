package org.openinfusion.station.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsWarmUp}: the in-memory handshake the embedded broker's warm-up thread makes finishes with the broker's own
 * certificates (the client trusting their authority only), and fails, rather than loops, with an authority that did
 * not sign the server's certificate.
 */
class TlsWarmUpTest {
    @Test
    void handshakeFinishesWithTheBrokersOwnCertificates(@TempDir Path dir) throws IOException {
        GeneratedTls tls = GeneratedTls.create(dir.resolve("tls"), "station embedded broker");

        assertDoesNotThrow(() -> TlsWarmUp.handshake(tls));
        assertDoesNotThrow(() -> TlsWarmUp.handshake(tls), "a second one in the same JVM too");
    }

    @Test
    void anAuthorityThatDidNotSignTheCertificateFailsTheHandshake(@TempDir Path dir) throws IOException {
        GeneratedTls tls = GeneratedTls.create(dir.resolve("tls"), "station embedded broker");
        GeneratedTls other = GeneratedTls.create(dir.resolve("other"), "someone else");
        Files.copy(other.caPem(), tls.caPem(), StandardCopyOption.REPLACE_EXISTING);

        assertThrows(IOException.class, () -> TlsWarmUp.handshake(tls));
    }
}
