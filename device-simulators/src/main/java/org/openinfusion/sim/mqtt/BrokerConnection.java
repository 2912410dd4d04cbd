package org.openinfusion.sim.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the standalone simulator reaches a secured broker (docs/simulation.md, "Secured broker"), with the JDK only:
 * the authorities the broker's certificate must chain to (a PEM file or a PKCS#12/JKS trust store), an optional client
 * key store for brokers that require a client certificate, and each device's broker account.
 */
public final class BrokerConnection {
    private BrokerConnection() {
    }

    /**
     * TLS sockets trusting only {@code caPem}'s certificates, or only {@code trustStore}'s (exactly one of the two; both
     * empty = the JVM's trusted authorities), presenting {@code keyStore}'s key and certificate when the broker asks.
     */
    public static SSLSocketFactory sockets(Optional<Path> caPem, Optional<Path> trustStore, char[] trustStorePassword,
                                           Optional<Path> keyStore, char[] keyStorePassword) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caPem.isPresent()) {
                tmf.init(pemTrust(caPem.get()));
            } else if (trustStore.isPresent()) {
                tmf.init(load(trustStore.get(), trustStorePassword));
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManager[] keys = null;
            if (keyStore.isPresent()) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore.get(), keyStorePassword), keyStorePassword);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore pemTrust(Path caPem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(caPem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException(caPem + " holds no certificate");
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            return trust;
        } catch (CertificateException e) {
            throw new IOException(caPem + " is not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            throw new IOException("cannot read the key store " + file + " (wrong password?): " + e.getMessage(), e);
        }
    }

    /**
     * Each device's account from a properties file: {@code bed.device=password} (the account is named {@code bed.device},
     * as in the demo's {@code broker/device-passwords.properties}), and optionally {@code bed.device.user=NAME} for an
     * account named otherwise. Every device in {@code devices} ({@code bed.device}) must have a password: the missing
     * ones are named in the exception.
     */
    public static PublisherSettings.Logins accounts(Path file, List<String> devices) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, PublisherSettings.Login> logins = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (String device : devices) {
            String password = p.getProperty(device);
            if (password == null || password.isEmpty()) {
                missing.add(device);
            } else {
                logins.put(device, new PublisherSettings.Login(p.getProperty(device + ".user", device), password.toCharArray()));
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + " has no password for " + String.join(", ", missing));
        }
        return (bed, device) -> Optional.ofNullable(logins.get(bed + "." + device));
    }
}
