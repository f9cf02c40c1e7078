package org.orderly.travel.document.emrtd;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jmrtd.lds.SODFile;

/** A throw-away eMRTD PKI made at test time: CSCA → document signer → EF.SOD over given data groups. */
final class TestPki {

    static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private TestPki() {}

    static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static X509Certificate certificate(
            String subject,
            String issuer,
            KeyPair subjectKeys,
            PrivateKey issuerKey,
            LocalDate from,
            LocalDate until,
            boolean authority)
            throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(SERIAL.getAndIncrement()),
                date(from),
                date(until),
                new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter()
                .setProvider(BC)
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BC)
                        .build(issuerKey)));
    }

    /** An EF.SOD (SHA-256 hashes, ECDSA signature) built with JMRTD's own SODFile constructor. */
    static byte[] sod(Map<Integer, byte[]> dataGroups, PrivateKey signerKey, X509Certificate signer) throws Exception {
        Map<Integer, byte[]> hashes = new TreeMap<>();
        for (Map.Entry<Integer, byte[]> group : dataGroups.entrySet()) {
            hashes.put(group.getKey(), MessageDigest.getInstance("SHA-256").digest(group.getValue()));
        }
        return new SODFile("SHA-256", "SHA256withECDSA", hashes, signerKey, signer).getEncoded();
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
