package org.orderly.travel.document.emrtd;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jmrtd.lds.SODFile;

/**
 * eMRTD passive authentication (ICAO Doc 9303 Part 11): checks the data groups against the hashes in EF.SOD, the
 * document signer's signature over the LDS security object, and the document signer's chain to a trusted CSCA.
 */
public final class PassiveAuthentication {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final int SOD_TAG = 0x77;

    private final CscaList trusted;

    public PassiveAuthentication(CscaList trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted CSCAs");
    }

    /** The data groups that must be supplied and match: DG1 always, DG2 wherever the security object lists it. */
    static final int MRZ_DATA_GROUP = 1;

    static final int FACE_DATA_GROUP = 2;

    /**
     * Verifies an EF.SOD against the data groups read from the chip, at the instant {@code at}.
     *
     * @param efSod the EF.SOD file as read (tag 0x77 wrapping a CMS SignedData)
     * @param dataGroups data group number (1-16) to the data group file's bytes as read (with its tag); DG1 is required,
     *                   and DG2 where the security object lists it
     * @param at the instant at which the certificates must be valid (a certificate ends at an instant, not a day)
     */
    public PassiveAuthenticationResult verify(byte[] efSod, Map<Integer, byte[]> dataGroups, Instant at) {
        Objects.requireNonNull(dataGroups, "data groups");
        Objects.requireNonNull(at, "check instant");
        List<Failure> failures = new ArrayList<>();
        if (efSod == null) {
            failures.add(new Failure(FailureReason.MALFORMED_SOD, 0, "no EF.SOD given"));
            return new PassiveAuthenticationResult(failures, List.of(), "", "", "");
        }
        SODFile sod;
        X509Certificate signer;
        String digestAlgorithm;
        Map<Integer, byte[]> hashes;
        CMSSignedData cms;
        try {
            sod = new SODFile(new ByteArrayInputStream(efSod));
            signer = sod.getDocSigningCertificate();
            digestAlgorithm = sod.getDigestAlgorithm();
            hashes = sod.getDataGroupHashes();
            cms = new CMSSignedData(contentOf(efSod));
        } catch (Exception | LinkageError e) {
            // The library's words (a class name, "Was expecting tag 77") mean nothing to an officer: say what the file
            // lacks.
            failures.add(
                    new Failure(
                            FailureReason.MALFORMED_SOD,
                            0,
                            efSod.length == 0 || (efSod[0] & 0xFF) != 0x77
                                    ? "EF.SOD cannot be read: it must start with the tag 0x77 (ICAO Doc 9303 part 10), found "
                                            + (efSod.length == 0
                                                    ? "no bytes"
                                                    : String.format("0x%02X", efSod[0] & 0xFF))
                                    : "EF.SOD cannot be read: its tag 0x77 does not hold a readable CMS SignedData security object"));
            return new PassiveAuthenticationResult(failures, List.of(), "", "", "");
        }
        if (signer == null) {
            failures.add(new Failure(FailureReason.MALFORMED_SOD, 0, "EF.SOD holds no document signer certificate"));
            return new PassiveAuthenticationResult(failures, List.of(), digestAlgorithm, "", "");
        }

        required(dataGroups, hashes, failures);
        List<Integer> verified = dataGroupHashes(dataGroups, hashes, digestAlgorithm, failures);
        signature(cms, signer, failures);
        valid(signer, "document signer", at, failures);
        String csca = chain(signer, at, failures);
        return new PassiveAuthenticationResult(
                failures,
                verified,
                digestAlgorithm,
                signer.getSubjectX500Principal().getName(),
                csca);
    }

    /** DG1 must be listed and supplied; DG2 must be supplied wherever the security object lists it. */
    private static void required(Map<Integer, byte[]> dataGroups, Map<Integer, byte[]> hashes, List<Failure> failures) {
        if (!hashes.containsKey(MRZ_DATA_GROUP)) {
            failures.add(new Failure(
                    FailureReason.DATA_GROUP_MISSING,
                    MRZ_DATA_GROUP,
                    "the security object lists no DG1 hash (the MRZ data)"));
        } else if (!dataGroups.containsKey(MRZ_DATA_GROUP)) {
            failures.add(new Failure(
                    FailureReason.DATA_GROUP_MISSING,
                    MRZ_DATA_GROUP,
                    "DG1 (the MRZ data) was not supplied: it must be read from the chip and checked"));
        }
        if (hashes.containsKey(FACE_DATA_GROUP) && !dataGroups.containsKey(FACE_DATA_GROUP)) {
            failures.add(
                    new Failure(
                            FailureReason.DATA_GROUP_MISSING,
                            FACE_DATA_GROUP,
                            "DG2 (the face) was not supplied, though the security object lists it: it must be read from the chip and checked"));
        }
    }

    private static List<Integer> dataGroupHashes(
            Map<Integer, byte[]> dataGroups,
            Map<Integer, byte[]> hashes,
            String digestAlgorithm,
            List<Failure> failures) {
        List<Integer> verified = new ArrayList<>();
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(digestAlgorithm, BOUNCY_CASTLE);
        } catch (NoSuchAlgorithmException e) {
            failures.add(new Failure(FailureReason.MALFORMED_SOD, 0, "unknown digest algorithm " + digestAlgorithm));
            return verified;
        }
        for (Map.Entry<Integer, byte[]> group : new TreeMap<>(dataGroups).entrySet()) {
            int number = group.getKey();
            byte[] expected = hashes.get(number);
            if (expected == null) {
                failures.add(new Failure(
                        FailureReason.DATA_GROUP_HASH_MISMATCH,
                        number,
                        "DG" + number + " is not listed in the security object"));
            } else if (!MessageDigest.isEqual(expected, digest.digest(group.getValue()))) {
                failures.add(new Failure(
                        FailureReason.DATA_GROUP_HASH_MISMATCH,
                        number,
                        "DG" + number + " does not match its " + digestAlgorithm + " hash in the security object"));
            } else {
                verified.add(number);
            }
        }
        return verified;
    }

    private static void signature(CMSSignedData cms, X509Certificate signer, List<Failure> failures) {
        try {
            SignerInformation info =
                    cms.getSignerInfos().getSigners().iterator().next();
            boolean ok = info.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(BOUNCY_CASTLE)
                    .build(signer));
            if (!ok) {
                failures.add(new Failure(
                        FailureReason.SIGNATURE_INVALID,
                        0,
                        "the security object's signature does not verify with the document signer certificate"));
            }
        } catch (Exception e) {
            failures.add(new Failure(
                    FailureReason.SIGNATURE_INVALID,
                    0,
                    "the security object's signature cannot be checked with the document signer certificate"));
        }
    }

    private String chain(X509Certificate signer, Instant at, List<Failure> failures) {
        List<X509Certificate> candidates = trusted.withSubject(signer.getIssuerX500Principal());
        if (candidates.isEmpty()) {
            failures.add(new Failure(
                    FailureReason.UNKNOWN_CSCA,
                    0,
                    "no trusted CSCA named " + signer.getIssuerX500Principal().getName()));
            return "";
        }
        for (X509Certificate csca : candidates) {
            try {
                signer.verify(csca.getPublicKey(), BOUNCY_CASTLE);
            } catch (Exception notThisOne) {
                continue;
            }
            if (csca.getBasicConstraints() < 0) {
                failures.add(new Failure(
                        FailureReason.SIGNER_NOT_TRUSTED,
                        0,
                        "the issuing certificate is not a certification authority"));
            }
            valid(csca, "CSCA", at, failures);
            return csca.getSubjectX500Principal().getName();
        }
        failures.add(new Failure(
                FailureReason.SIGNER_NOT_TRUSTED,
                0,
                "the document signer certificate was not signed by any trusted CSCA named "
                        + signer.getIssuerX500Principal().getName()));
        return "";
    }

    private static void valid(X509Certificate certificate, String role, Instant at, List<Failure> failures) {
        String valid = " (valid " + certificate.getNotBefore().toInstant() + " to "
                + certificate.getNotAfter().toInstant() + ")";
        try {
            certificate.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            failures.add(new Failure(
                    FailureReason.CERTIFICATE_EXPIRED,
                    0,
                    role + " certificate "
                            + certificate.getSubjectX500Principal().getName() + " had expired at " + at + valid));
        } catch (CertificateNotYetValidException e) {
            failures.add(new Failure(
                    FailureReason.CERTIFICATE_NOT_YET_VALID,
                    0,
                    role + " certificate "
                            + certificate.getSubjectX500Principal().getName() + " was not yet valid at " + at + valid));
        }
    }

    /** The CMS ContentInfo inside the EF.SOD's application tag 23 (0x77), length in short or long form. */
    private static byte[] contentOf(byte[] efSod) {
        if (efSod.length < 2 || (efSod[0] & 0xff) != SOD_TAG) {
            throw new IllegalArgumentException("EF.SOD does not start with tag 0x77");
        }
        int first = efSod[1] & 0xff;
        int offset = 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int bytes = first & 0x7f;
            if (bytes < 1 || bytes > 3 || efSod.length < 2 + bytes) {
                throw new IllegalArgumentException("EF.SOD has a bad length");
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (efSod[2 + i] & 0xff);
            }
            offset += bytes;
        }
        if (offset + length > efSod.length) {
            throw new IllegalArgumentException("EF.SOD is shorter than its length says");
        }
        byte[] content = new byte[length];
        System.arraycopy(efSod, offset, content, 0, length);
        return content;
    }
}
