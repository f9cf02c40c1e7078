package org.orderly.exchange.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final AuditSigner SIGNER = AuditSigner.generate();
    private static final AuditKey KEY = SIGNER.publicKey();
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEntry entry = SIGNER.sign(AuditChain.seal(
                    i,
                    START.plusSeconds(i),
                    "officer-" + i,
                    "DEU",
                    "SCREENING",
                    "wanted-persons",
                    "hits: " + i,
                    previous));
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    private static AuditCheckpoint checkpoint(List<AuditEntry> entries) {
        AuditEntry last = entries.get(entries.size() - 1);
        return SIGNER.sign(new AuditCheckpoint(entries.size(), last.hash(), START.plusSeconds(3600), ""));
    }

    @Test
    void anUntouchedChainVerifiesWithAndWithoutACheckpoint() {
        List<AuditEntry> entries = chain(5);
        AuditChain.Verification verification = AuditChain.verify(entries, KEY, checkpoint(entries));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.checkpointEntries()).isEqualTo(5);
        assertThat(verification.keyFingerprint()).isEqualTo(KEY.fingerprint()).startsWith("SHA256:");
        assertThat(AuditChain.verify(List.of(), KEY, null).intact()).isTrue();
        List<AuditEntry> longer = chain(8);
        assertThat(AuditChain.verify(longer, KEY, checkpoint(longer.subList(0, 5)))
                        .intact())
                .as("signed entries after the checkpoint are fine")
                .isTrue();
    }

    @Test
    void aChangedEntryIsFoundByItsSequence() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(
                2,
                new AuditEntry(
                        third.sequence(),
                        third.at(),
                        "someone-else",
                        third.party(),
                        third.action(),
                        third.subject(),
                        third.detail(),
                        third.previousHash(),
                        third.hash(),
                        third.signature()));
        AuditChain.Verification verification = AuditChain.verify(entries, KEY, null);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("changed");
    }

    @Test
    void aRemovedEntryBreaksTheChain() {
        List<AuditEntry> removed = chain(5);
        removed.remove(1);
        assertThat(AuditChain.verify(removed, KEY, null).problem()).contains("entry 2 is missing");
    }

    @Test
    void findsATruncationAgainstTheCheckpoint() {
        List<AuditEntry> entries = chain(10);
        AuditCheckpoint checkpoint = checkpoint(entries);
        AuditChain.Verification verification = AuditChain.verify(entries.subList(0, 6), KEY, checkpoint);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(7);
        assertThat(verification.problem())
                .isEqualTo("entries 7 to 10 are missing: the signed checkpoint of 2026-11-23T11:00:00Z "
                        + "counts 10 entries, the log ends at 6 (truncated)");
        assertThat(AuditChain.verify(entries.subList(0, 6), KEY, null).intact())
                .as("without the checkpoint a truncation cannot be seen: why checkpoints exist")
                .isTrue();
    }

    @Test
    void findsTheDeletionOfEverything() {
        AuditCheckpoint checkpoint = checkpoint(chain(4));
        AuditChain.Verification verification = AuditChain.verify(List.of(), KEY, checkpoint);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem())
                .isEqualTo("the log is empty, but the signed checkpoint of 2026-11-23T11:00:00Z "
                        + "counts 4 entries: every entry was deleted");
    }

    @Test
    void findsARewriteWithRecomputedHashes() {
        List<AuditEntry> entries = chain(6);
        AuditCheckpoint checkpoint = checkpoint(entries);
        // The forger changes entry 3 and recomputes every hash after it, keeping the old signatures.
        List<AuditEntry> rewritten = new ArrayList<>(entries.subList(0, 2));
        String previous = rewritten.get(1).hash();
        for (AuditEntry e : entries.subList(2, 6)) {
            String detail = e.sequence() == 3 ? "hits: 0" : e.detail();
            AuditEntry resealed = AuditChain.seal(
                            e.sequence(), e.at(), e.actor(), e.party(), e.action(), e.subject(), detail, previous)
                    .signed(e.signature());
            rewritten.add(resealed);
            previous = resealed.hash();
        }
        AuditChain.Verification verification = AuditChain.verify(rewritten, KEY, checkpoint);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem())
                .contains("entry 3's signature does not match the audit key")
                .contains("rewritten or forged");

        // A forger holding another key signs the rewrite: still not the audit key.
        AuditSigner other = AuditSigner.generate();
        List<AuditEntry> resigned = rewritten.stream()
                .map(e -> e.sequence() >= 3 ? other.sign(e) : e)
                .toList();
        assertThat(AuditChain.verify(resigned, KEY, checkpoint).problem())
                .contains("entry 3's signature does not match");
    }

    @Test
    void findsAForgedAppend() {
        List<AuditEntry> entries = chain(5);
        AuditCheckpoint checkpoint = checkpoint(entries);
        AuditEntry last = entries.get(4);
        List<AuditEntry> appended = new ArrayList<>(entries);
        appended.add(AuditChain.seal(
                6, last.at().plusSeconds(1), "forger", "DEU", "SCREENING", "wanted-persons", "hits: 0", last.hash()));
        AuditChain.Verification verification = AuditChain.verify(appended, KEY, checkpoint);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(6);
        assertThat(verification.problem())
                .isEqualTo(
                        "entry 6 carries no signature: it was not written by Orderly (forged append after the checkpoint)");

        appended.set(5, appended.get(5).signed(entries.get(4).signature()));
        assertThat(AuditChain.verify(appended, KEY, checkpoint).problem())
                .as("a signature copied from another entry")
                .contains("entry 6's signature does not match");
    }

    @Test
    void findsAForgedCheckpointAndARewriteUpToTheCheckpoint() {
        List<AuditEntry> entries = chain(5);
        AuditCheckpoint genuine = checkpoint(entries);
        AuditCheckpoint forged = new AuditCheckpoint(3, entries.get(2).hash(), genuine.at(), genuine.signature());
        assertThat(AuditChain.verify(entries, KEY, forged).problem()).contains("is not signed by the audit key");

        // A checkpoint that does not match the entry it counts: the log it describes was another one.
        AuditCheckpoint otherHead = SIGNER.sign(new AuditCheckpoint(5, "ab".repeat(32), genuine.at(), ""));
        AuditChain.Verification verification = AuditChain.verify(entries, KEY, otherHead);
        assertThat(verification.firstBrokenSequence()).isEqualTo(5);
        assertThat(verification.problem())
                .contains("is not the one the signed checkpoint")
                .contains("rewritten");
    }

    @Test
    void fieldBoundariesCannotBeShiftedBetweenFields() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        String a = AuditChain.seal(1, at, "ab", "", "X", "", "", AuditChain.GENESIS)
                .hash();
        String b = AuditChain.seal(1, at, "a", "b", "X", "", "", AuditChain.GENESIS)
                .hash();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anExportRoundTripsAndVerifiesOfflineWithThePublicKeyAlone() throws IOException {
        List<AuditEntry> entries = new ArrayList<>(chain(3));
        AuditEntry last = entries.get(2);
        entries.add(SIGNER.sign(AuditChain.seal(
                4,
                last.at().plusSeconds(1),
                "officer\twith tab",
                "DEU",
                "SCREENING",
                "list\\name",
                "line one\nline two\r",
                last.hash())));
        StringWriter out = new StringWriter();
        AuditExport.writeHeader(out);
        for (AuditEntry entry : entries) AuditExport.write(out, entry);
        AuditExport.write(out, checkpoint(entries));

        AuditKey published = AuditKey.parse(KEY.pem());
        assertThat(published.fingerprint()).isEqualTo(KEY.fingerprint());
        AuditExport read = AuditExport.read(new StringReader(out.toString()));
        assertThat(read.entries()).isEqualTo(entries);
        assertThat(read.verify(published, List.of()).intact()).isTrue();

        String cut = out.toString().replaceFirst("entry\t4\t[^\n]*\n", "");
        assertThat(AuditExport.read(new StringReader(cut))
                        .verify(published, List.of())
                        .problem())
                .contains("entry 4 is missing");
        assertThat(AuditExport.read(new StringReader(out.toString()))
                        .verify(AuditSigner.generate().publicKey(), List.of())
                        .intact())
                .as("another key verifies nothing")
                .isFalse();
    }

    @Test
    void aDamagedExportIsRefusedWithItsLine() {
        assertThatThrownBy(() -> AuditExport.read(new StringReader("something else\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> AuditExport.read(new StringReader(AuditExport.HEADER + "\nentry\t1\tnot-a-time\n")))
                .hasMessageStartingWith("line 2: an entry line has 11");
        assertThatThrownBy(() -> AuditKey.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("not an Ed25519 public key");
    }

    @Test
    void aSignerRoundTripsThroughPemAndRefusesAMismatchedPair() {
        AuditSigner read = AuditSigner.parse(SIGNER.privateKeyPem(), KEY.pem());
        AuditEntry entry = read.sign(AuditChain.seal(1, START, "a", "", "X", "", "", AuditChain.GENESIS));
        assertThat(KEY.signed(entry)).isTrue();
        assertThatThrownBy(() -> AuditSigner.parse(
                        SIGNER.privateKeyPem(),
                        AuditSigner.generate().publicKey().pem()))
                .hasMessageContaining("not a pair");
    }

    @Test
    void signaturesAreStandardEd25519ThatTheJdkItselfVerifies() throws Exception {
        AuditEntry entry =
                SIGNER.sign(AuditChain.seal(1, START, "officer", "DEU", "SCREENING", "list", "", AuditChain.GENESIS));
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initVerify(KEY.publicKey());
        jdk.update(("orderly-audit-entry/1 " + entry.hash()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(jdk.verify(java.util.Base64.getDecoder().decode(entry.signature())))
                .isTrue();
    }
}
