package org.orderly.travel.document.emrtd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderly.travel.document.mrz.Mrz;
import org.orderly.travel.document.mrz.MrzReader;

class PassiveAuthenticationTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 23);
    private static final String CSCA_NAME = "CN=CSCA Utopia,O=Utopia,C=UT";
    private static final String LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private static final String LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    private static KeyPair cscaKeys;
    private static X509Certificate csca;
    private static KeyPair signerKeys;
    private static X509Certificate signer;
    private static byte[] dg1;
    private static byte[] dg2;
    private static byte[] sod;

    @BeforeAll
    static void makeTestPki() throws Exception {
        cscaKeys = TestPki.keys();
        csca = TestPki.certificate(
                CSCA_NAME, CSCA_NAME, cscaKeys, cscaKeys.getPrivate(), ON.minusYears(5), ON.plusYears(10), true);
        signerKeys = TestPki.keys();
        signer = TestPki.certificate(
                "CN=Document Signer 1,O=Utopia,C=UT",
                CSCA_NAME,
                signerKeys,
                cscaKeys.getPrivate(),
                ON.minusYears(1),
                ON.plusYears(1),
                false);
        dg1 = new DG1File(new MRZInfo(LINE1 + LINE2)).getEncoded();
        dg2 = new byte[] {0x75, 0x06, 0x7F, 0x61, 0x03, 0x02, 0x01, 0x01};
        sod = TestPki.sod(Map.of(1, dg1, 2, dg2), signerKeys.getPrivate(), signer);
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static PassiveAuthentication trusting(X509Certificate... cscas) {
        return new PassiveAuthentication(CscaList.of(List.of(cscas)));
    }

    @Test
    void acceptsTheGenuineSecurityObject() {
        PassiveAuthenticationResult result = trusting(csca).verify(sod, Map.of(1, dg1, 2, dg2), at(ON));

        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.verifiedDataGroups()).containsExactly(1, 2);
        assertThat(result.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(result.countrySigningCa()).contains("CSCA Utopia");
    }

    @Test
    void dataGroupOneCarriesAZoneTheMrzReaderAccepts() throws Exception {
        MRZInfo info = new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo();
        String zone = info.toString().trim();

        Mrz mrz = MrzReader.on(ON).readText(zone);

        assertThat(mrz.lines()).containsExactly(LINE1, LINE2);
        assertThat(mrz.valid()).isTrue();
    }

    @Test
    void rejectsATamperedDataGroupNamingIt() {
        byte[] tampered = dg2.clone();
        tampered[tampered.length - 1] ^= 1;

        PassiveAuthenticationResult result = trusting(csca).verify(sod, Map.of(1, dg1, 2, tampered), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.DATA_GROUP_HASH_MISMATCH);
        assertThat(result.failures()).extracting(Failure::dataGroup).containsExactly(2);
        assertThat(result.verifiedDataGroups()).containsExactly(1);
    }

    @Test
    void rejectsADataGroupTheSecurityObjectDoesNotList() {
        PassiveAuthenticationResult result = trusting(csca).verify(sod, Map.of(1, dg1, 3, dg2), at(ON));

        assertThat(result.failures())
                .extracting(Failure::reason, Failure::dataGroup)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FailureReason.DATA_GROUP_MISSING, 2),
                        org.assertj.core.groups.Tuple.tuple(FailureReason.DATA_GROUP_HASH_MISMATCH, 3));
    }

    @Test
    void rejectsASecurityObjectSignedWithAnotherKeyThanTheSignerCertificate() throws Exception {
        byte[] forged = TestPki.sod(Map.of(1, dg1, 2, dg2), TestPki.keys().getPrivate(), signer);

        PassiveAuthenticationResult result = trusting(csca).verify(forged, Map.of(1, dg1, 2, dg2), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.SIGNATURE_INVALID);
    }

    @Test
    void rejectsASignerIssuedByAnImpostorWithTheCscaName() throws Exception {
        KeyPair impostor = TestPki.keys();
        KeyPair keys = TestPki.keys();
        X509Certificate wrongSigner = TestPki.certificate(
                "CN=Document Signer 9,O=Utopia,C=UT",
                CSCA_NAME,
                keys,
                impostor.getPrivate(),
                ON.minusYears(1),
                ON.plusYears(1),
                false);
        byte[] wrongSod = TestPki.sod(Map.of(1, dg1, 2, dg2), keys.getPrivate(), wrongSigner);

        PassiveAuthenticationResult result = trusting(csca).verify(wrongSod, Map.of(1, dg1, 2, dg2), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.SIGNER_NOT_TRUSTED);
    }

    @Test
    void rejectsASignerFromAnUnknownCsca() throws Exception {
        KeyPair otherKeys = TestPki.keys();
        X509Certificate other = TestPki.certificate(
                "CN=CSCA Elsewhere,C=EL",
                "CN=CSCA Elsewhere,C=EL",
                otherKeys,
                otherKeys.getPrivate(),
                ON.minusYears(5),
                ON.plusYears(10),
                true);

        PassiveAuthenticationResult result = trusting(other).verify(sod, Map.of(1, dg1, 2, dg2), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.UNKNOWN_CSCA);
    }

    @Test
    void rejectsAnExpiredDocumentSigner() {
        PassiveAuthenticationResult result = trusting(csca).verify(sod, Map.of(1, dg1, 2, dg2), at(ON.plusYears(2)));

        assertThat(result.reasons()).containsExactly(FailureReason.CERTIFICATE_EXPIRED);
        assertThat(result.failures().get(0).message()).contains("document signer");
    }

    @Test
    void rejectsACscaThatHasExpired() throws Exception {
        X509Certificate expiredCsca = TestPki.certificate(
                CSCA_NAME, CSCA_NAME, cscaKeys, cscaKeys.getPrivate(), ON.minusYears(10), ON.minusDays(1), true);

        PassiveAuthenticationResult result = trusting(expiredCsca).verify(sod, Map.of(1, dg1, 2, dg2), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.CERTIFICATE_EXPIRED);
        assertThat(result.failures().get(0).message()).contains("CSCA");
    }

    @Test
    void rejectsBytesThatAreNoSecurityObject() {
        byte[] truncated = java.util.Arrays.copyOf(sod, sod.length / 2);

        assertThat(trusting(csca)
                        .verify(new byte[] {1, 2, 3}, Map.of(1, dg1), at(ON))
                        .reasons())
                .containsExactly(FailureReason.MALFORMED_SOD);
        assertThat(trusting(csca).verify(truncated, Map.of(1, dg1), at(ON)).reasons())
                .containsExactly(FailureReason.MALFORMED_SOD);
        assertThat(trusting(csca).verify(new byte[0], Map.of(1, dg1), at(ON)).reasons())
                .containsExactly(FailureReason.MALFORMED_SOD);
    }

    @Test
    void saysWhatIsWrongWithAnUnreadableSecurityObjectInItsOwnWordsNotTheLibrarys() {
        byte[] truncated = java.util.Arrays.copyOf(sod, sod.length / 2);
        String notTagged = trusting(csca)
                .verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, Map.of(1, dg1), at(ON))
                .failures()
                .get(0)
                .message();
        assertThat(notTagged)
                .isEqualTo(
                        "EF.SOD cannot be read: it must start with the tag 0x77 (ICAO Doc 9303 part 10), found 0x30");
        String cut = trusting(csca)
                .verify(truncated, Map.of(1, dg1), at(ON))
                .failures()
                .get(0)
                .message();
        assertThat(cut)
                .isEqualTo(
                        "EF.SOD cannot be read: its tag 0x77 does not hold a readable CMS SignedData security object");
        for (String message : java.util.List.of(notTagged, cut)) {
            assertThat(message)
                    .doesNotContain("java.")
                    .doesNotContain("Exception")
                    .doesNotContain("Was expecting");
        }
    }

    @Test
    void loadsCscasFromAFolderOfPemAndDerFiles(@TempDir Path folder) throws Exception {
        KeyPair otherKeys = TestPki.keys();
        X509Certificate other = TestPki.certificate(
                "CN=CSCA Elsewhere,C=EL",
                "CN=CSCA Elsewhere,C=EL",
                otherKeys,
                otherKeys.getPrivate(),
                ON.minusYears(5),
                ON.plusYears(10),
                true);
        Files.write(folder.resolve("utopia.der"), csca.getEncoded());
        Files.writeString(
                folder.resolve("elsewhere.pem"),
                "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(other.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");

        CscaList list = CscaList.load(folder);

        assertThat(list.certificates()).containsExactlyInAnyOrder(csca, other);
        assertThat(new PassiveAuthentication(list)
                        .verify(sod, Map.of(1, dg1, 2, dg2), at(ON))
                        .passed())
                .isTrue();
    }

    @Test
    void readsTheCscasOfAMasterList() throws Exception {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        certs.add(org.bouncycastle.asn1.x509.Certificate.getInstance(csca.getEncoded()));
        byte[] content = new DERSequence(
                        new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(0), new DERSet(certs)})
                .getEncoded();
        CMSTypedData typed = new CMSProcessableByteArray(new ASN1ObjectIdentifier("2.23.136.1.1.2"), content);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                        .setProvider(TestPki.BC)
                        .build())
                .build(
                        new JcaContentSignerBuilder("SHA256withECDSA")
                                .setProvider(TestPki.BC)
                                .build(signerKeys.getPrivate()),
                        signer));
        generator.addCertificates(new JcaCertStore(List.of(signer)));
        byte[] masterList = generator.generate(typed, true).getEncoded();

        CscaList list = CscaList.fromMasterList(masterList);

        assertThat(list.certificates()).containsExactly(csca);
        byte[] tampered = masterList.clone();
        int at = indexOf(tampered, csca.getSubjectX500Principal().getEncoded());
        tampered[at + 12] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CscaList.fromMasterList(tampered))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void rejectsASecurityObjectWhoseHashWasReplacedWithoutResigning() throws Exception {
        byte[] tampered = dg2.clone();
        tampered[tampered.length - 1] ^= 1;
        byte[] forged = sod.clone();
        byte[] genuineHash = java.security.MessageDigest.getInstance("SHA-256").digest(dg2);
        System.arraycopy(
                java.security.MessageDigest.getInstance("SHA-256").digest(tampered),
                0,
                forged,
                indexOf(forged, genuineHash),
                genuineHash.length);

        PassiveAuthenticationResult result = trusting(csca).verify(forged, Map.of(1, dg1, 2, tampered), at(ON));

        assertThat(result.reasons()).containsExactly(FailureReason.SIGNATURE_INVALID);
        assertThat(result.verifiedDataGroups()).containsExactly(1, 2);
    }

    @Test
    void noSecurityObjectIsMalformed() {
        assertThat(trusting(csca).verify(null, Map.of(1, dg1), at(ON)).reasons())
                .containsExactly(FailureReason.MALFORMED_SOD);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    // Issue 27 item 7: a document is not authenticated by checking nothing, and a certificate ends at an instant.

    @Test
    void refusesASecurityObjectCheckedAgainstNoDataGroupNamingEachMissingGroup() {
        PassiveAuthenticationResult result = trusting(csca).verify(sod, Map.of(), at(ON));

        assertThat(result.passed()).isFalse();
        assertThat(result.reasons()).containsExactly(FailureReason.DATA_GROUP_MISSING);
        assertThat(result.failures()).extracting(Failure::dataGroup).containsExactly(1, 2);
        assertThat(result.failures().get(0).message())
                .isEqualTo("DG1 (the MRZ data) was not supplied: it must be read from the chip and checked");
    }

    @Test
    void requiresTheFaceWhereTheSecurityObjectListsIt() throws Exception {
        assertThat(trusting(csca).verify(sod, Map.of(1, dg1), at(ON)).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(FailureReason.DATA_GROUP_MISSING))
                .satisfies(f -> assertThat(f.dataGroup()).isEqualTo(2));
        // A security object lists at least two groups (ICAO's ASN.1 says 2..16): DG1 and DG14 here, DG2 and DG14 below.
        byte[] dg14 = {0x6E, 0x03, 0x31, 0x01, 0x00};
        byte[] withoutFace = TestPki.sod(Map.of(1, dg1, 14, dg14), signerKeys.getPrivate(), signer);
        assertThat(trusting(csca)
                        .verify(withoutFace, Map.of(1, dg1, 14, dg14), at(ON))
                        .passed())
                .as("a chip without DG2")
                .isTrue();
        byte[] withoutMrz = TestPki.sod(Map.of(2, dg2, 14, dg14), signerKeys.getPrivate(), signer);
        assertThat(trusting(csca)
                        .verify(withoutMrz, Map.of(2, dg2, 14, dg14), at(ON))
                        .failures())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).isEqualTo("the security object lists no DG1 hash (the MRZ data)"));
    }

    @Test
    void checksCertificateValidityAtTheInstantNotAtMidnight() throws Exception {
        // A document signer valid until the start of ON: checked at 09:00 that day it has expired, at 23:00 the day
        // before not.
        X509Certificate endsAtMidnight = TestPki.certificate(
                "CN=Document Signer 2,O=Utopia,C=UT",
                CSCA_NAME,
                signerKeys,
                cscaKeys.getPrivate(),
                ON.minusYears(1),
                ON,
                false);
        byte[] signed = TestPki.sod(Map.of(1, dg1, 2, dg2), signerKeys.getPrivate(), endsAtMidnight);
        assertThat(trusting(csca)
                        .verify(signed, Map.of(1, dg1, 2, dg2), at(ON).minusSeconds(3600))
                        .passed())
                .isTrue();
        PassiveAuthenticationResult later =
                trusting(csca).verify(signed, Map.of(1, dg1, 2, dg2), at(ON).plusSeconds(9 * 3600));
        assertThat(later.reasons()).containsExactly(FailureReason.CERTIFICATE_EXPIRED);
        assertThat(later.failures().get(0).message()).contains("had expired at " + at(ON).plusSeconds(9 * 3600));
        PassiveAuthenticationResult early = trusting(csca).verify(sod, Map.of(1, dg1, 2, dg2), at(ON.minusYears(2)));
        assertThat(early.reasons()).containsExactly(FailureReason.CERTIFICATE_NOT_YET_VALID);
    }
}
