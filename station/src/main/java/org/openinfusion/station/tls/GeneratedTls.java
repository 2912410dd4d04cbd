package org.openinfusion.station.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority and one server certificate for the loopback address, made at start for the demo and
 * the tests (Bouncy Castle; EC P-256, SHA-256). Written into a folder: {@code ca.pem} (the authority's certificate,
 * what clients trust), {@code server.p12} (key and chain for a Java server; password in {@link #keystorePassword}),
 * optionally {@code clients/NAME.p12} (client certificates with CN=NAME, same password),
 * {@code server.pem} and {@code server.key} (the same as PEM for mosquitto). The authority's private key is never
 * written: nothing else can be signed with it once this object is gone. Private key files are owner-only.
 *
 * @param dir              the folder holding the files
 * @param keystorePassword the password of {@code server.p12} (random, kept in memory)
 */
public record GeneratedTls(Path dir, String keystorePassword) {
    private static final SecureRandom RANDOM = new SecureRandom();

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
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            KeyPair caKeys = ecKeys();
            KeyPair serverKeys = ecKeys();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=" + name + " private CA");
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(366))), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCert = sign(ca, caKeys.getPrivate());
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + name), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(server, caKeys.getPrivate());
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            GeneratedTls out = new GeneratedTls(dir, password);
            Files.writeString(out.caPem(), pem("CERTIFICATE", caCert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(out.certPem(), pem("CERTIFICATE", serverCert.getEncoded()) + pem("CERTIFICATE", caCert.getEncoded()),
                    StandardCharsets.US_ASCII);
            ownerOnly(out.keyPem());
            Files.writeString(out.keyPem(), pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKeys.getPrivate(), password.toCharArray(), new Certificate[] {serverCert, caCert});
            ownerOnly(out.keystore());
            try (OutputStream o = Files.newOutputStream(out.keystore())) {
                ks.store(o, password.toCharArray());
            }
            for (String client : clients) {
                KeyPair keys = ecKeys();
                X509Certificate cert = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + client), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert)), caKeys.getPrivate());
                KeyStore cks = KeyStore.getInstance("PKCS12");
                cks.load(null, null);
                cks.setKeyEntry("client", keys.getPrivate(), password.toCharArray(), new Certificate[] {cert, caCert});
                Files.createDirectories(out.clientKeystore(client).getParent());
                ownerOnly(out.clientKeystore(client));
                try (OutputStream o = Files.newOutputStream(out.clientKeystore(client))) {
                    cks.store(o, password.toCharArray());
                }
            }
            return out;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the TLS certificates: " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
