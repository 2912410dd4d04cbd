package org.openinfusion.station.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Makes {@link GeneratedTls}'s authority and certificates with Bouncy Castle. Kept apart from {@link GeneratedTls} and
 * {@link KeptTls}, so that a start that reuses its certificates loads none of Bouncy Castle's classes (about a second
 * of a cold start).
 */
final class CertificateMaker {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    static GeneratedTls make(Path dir, String name, List<String> clients, Instant now, List<String> hosts, Duration validity)
            throws IOException {
        try {
            KeptTls.ownerOnlyFolder(dir);
            // the key store's password goes first and is written last: a start cut short in between leaves none, so the
            // next start makes everything anew instead of keeping a key store that does not match the other files
            Files.deleteIfExists(dir.resolve("server.p12.password"));
            KeyPair caKeys = ecKeys();
            KeyPair serverKeys = ecKeys();
            Date from = Date.from(now.minus(Duration.ofHours(1)));
            X500Name caName = new X500Name("CN=" + name + GeneratedTls.CA_SUFFIX);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), from,
                    Date.from(now.plus(validity).plus(Duration.ofDays(1))), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCert = sign(ca, caKeys.getPrivate());
            GeneralName[] names = hosts.stream()
                    .map(h -> new GeneralName(KeptTls.isIpAddress(h) ? GeneralName.iPAddress : GeneralName.dNSName, h))
                    .toArray(GeneralName[]::new);
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caName, serial(), from, Date.from(now.plus(validity)),
                    new X500Name("CN=" + name), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(server, caKeys.getPrivate());
            String password = KeptTls.randomPassword();
            GeneratedTls out = new GeneratedTls(dir, password);
            KeptTls.writeOwnerOnly(out.keyPem(), KeptTls.pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()));
            Files.writeString(out.caPem(), KeptTls.pem("CERTIFICATE", caCert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(out.certPem(), KeptTls.pem("CERTIFICATE", serverCert.getEncoded()) + KeptTls.pem("CERTIFICATE", caCert.getEncoded()),
                    StandardCharsets.US_ASCII);
            KeptTls.writeKeystore(out.keystore(), "server", serverKeys.getPrivate(), new Certificate[] {serverCert, caCert}, password);
            KeptTls.writeOwnerOnly(out.keystorePasswordFile(), password);
            for (String client : clients) {
                KeyPair keys = ecKeys();
                X509Certificate cert = sign(new JcaX509v3CertificateBuilder(caName, serial(), from,
                        Date.from(now.plus(validity)), new X500Name("CN=" + client), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                        .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert)), caKeys.getPrivate());
                Files.createDirectories(out.clientKeystore(client).getParent());
                KeptTls.writeKeystore(out.clientKeystore(client), "client", keys.getPrivate(), new Certificate[] {cert, caCert}, password);
            }
            return out;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the TLS certificates: " + e.getMessage(), e);
        }
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
}
