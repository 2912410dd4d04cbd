package org.openinfusion.station.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** A TLS client that trusts only the certificate authorities in one PEM file (JDK only). */
public final class PemTrust {
    private PemTrust() {
    }

    /** Sockets whose server certificate must chain to a certificate in {@code caPem}; host names are checked by the caller. */
    public static SSLSocketFactory socketFactory(Path caPem) throws IOException {
        return context(caPem).getSocketFactory();
    }

    public static SSLContext context(Path caPem) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(caPem));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate authority " + caPem + ": " + e.getMessage(), e);
        }
    }

    /** The certificates of {@code caPem} as trusted entries of a PKCS#12 key store (in memory). */
    public static KeyStore trustStore(Path caPem) throws IOException {
        try (InputStream in = Files.newInputStream(caPem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException(caPem + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            return trust;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate authority " + caPem + ": " + e.getMessage(), e);
        }
    }
}
