package org.orderly.travel.document.emrtd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/** The country signing CA certificates a border trusts, loaded from PEM/DER files, a folder of them, or an ICAO master list. */
public final class CscaList {

    private final List<X509Certificate> certificates;

    private CscaList(List<X509Certificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    /** Trusts exactly these certificates. */
    public static CscaList of(Collection<X509Certificate> certificates) {
        return new CscaList(new ArrayList<>(certificates));
    }

    /**
     * Loads certificates from a PEM or DER file (a PEM file may hold several), or from every regular file in a
     * folder (not recursive); a file named {@code *.ml} or a folder entry that is a CMS master list is read as one.
     */
    public static CscaList load(Path fileOrFolder) throws IOException {
        List<X509Certificate> loaded = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> files = Files.list(fileOrFolder)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    if (Files.isRegularFile(file)) {
                        loaded.addAll(readFile(file));
                    }
                }
            }
        } else {
            loaded.addAll(readFile(fileOrFolder));
        }
        return new CscaList(loaded);
    }

    /**
     * Reads the CSCA certificates of an ICAO master list (a CMS SignedData whose content is a CscaMasterList),
     * after checking that its signature verifies with the signer certificate it embeds (integrity). Whether that
     * master list signer is itself trustworthy is not decided here: take master lists only from a channel you trust.
     */
    public static CscaList fromMasterList(byte[] masterList) throws IOException {
        return new CscaList(masterListCertificates(masterList));
    }

    /** The trusted certificates. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The trusted certificates whose subject is {@code issuer}. */
    List<X509Certificate> withSubject(X500Principal issuer) {
        List<X509Certificate> found = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (certificate.getSubjectX500Principal().equals(issuer)) {
                found.add(certificate);
            }
        }
        return found;
    }

    private static List<X509Certificate> readFile(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ml")) {
            return masterListCertificates(bytes);
        }
        try {
            return certificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException notCertificates) {
            try {
                return masterListCertificates(bytes);
            } catch (IOException notMasterList) {
                throw new IOException(file + ": neither PEM/DER certificates nor a master list", notCertificates);
            }
        }
    }

    private static List<X509Certificate> certificates(InputStream in) throws CertificateException {
        List<X509Certificate> found = new ArrayList<>();
        for (java.security.cert.Certificate certificate :
                CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            found.add((X509Certificate) certificate);
        }
        if (found.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static void verifyIntegrity(CMSSignedData signed) throws IOException {
        try {
            org.bouncycastle.util.Store<X509CertificateHolder> store = signed.getCertificates();
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
                if (matches.isEmpty()) {
                    throw new IOException("master list signer certificate is missing");
                }
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                        .setProvider(new BouncyCastleProvider())
                        .build(matches.iterator().next()))) {
                    throw new IOException("master list signature does not verify");
                }
            }
            if (signed.getSignerInfos().size() == 0) {
                throw new IOException("master list is not signed");
            }
        } catch (CMSException | OperatorCreationException | CertificateException e) {
            throw new IOException("master list signature does not verify: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> masterListCertificates(byte[] bytes) throws IOException {
        try {
            CMSSignedData signed = new CMSSignedData(bytes);
            verifyIntegrity(signed);
            Object content = signed.getSignedContent() == null
                    ? null
                    : signed.getSignedContent().getContent();
            if (!(content instanceof byte[])) {
                throw new IOException("master list has no content");
            }
            // CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }
            ASN1Sequence list = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray((byte[]) content));
            ASN1Set certs = ASN1Set.getInstance(list.getObjectAt(1));
            List<X509Certificate> found = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (ASN1Encodable cert : certs) {
                found.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(cert.toASN1Primitive().getEncoded())));
            }
            return found;
        } catch (CMSException | CertificateException | RuntimeException e) {
            throw new IOException("not a readable CSCA master list: " + e.getMessage(), e);
        }
    }
}
