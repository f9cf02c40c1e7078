package org.orderly.exchange.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditEntry entry = AuditChain.seal(i, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i), "officer-" + i, "DEU",
                    "SCREENING", "wanted-persons", "hits: " + i, previous);
            entries.add(entry);
            previous = entry.hash();
        }
        return entries;
    }

    @Test
    void anUntouchedChainVerifies() {
        AuditChain.Verification verification = AuditChain.verify(chain(5));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(AuditChain.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aChangedEntryIsFoundByItsSequence() {
        List<AuditEntry> entries = chain(5);
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(third.sequence(), third.at(), "someone-else", third.party(), third.action(),
                third.subject(), third.detail(), third.previousHash(), third.hash()));
        AuditChain.Verification verification = AuditChain.verify(entries);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("changed");
    }

    @Test
    void aRemovedOrReorderedEntryBreaksTheChain() {
        List<AuditEntry> removed = chain(5);
        removed.remove(1);
        assertThat(AuditChain.verify(removed).problem()).contains("entry 2 is missing");

        List<AuditEntry> resealed = chain(5);
        // Re-sealing a changed entry does not help: the next entry no longer follows it.
        AuditEntry second = resealed.get(1);
        resealed.set(1, AuditChain.seal(2, second.at(), "forger", "DEU", "SCREENING", "wanted-persons", "hits: 0", second.previousHash()));
        AuditChain.Verification verification = AuditChain.verify(resealed);
        assertThat(verification.firstBrokenSequence()).isEqualTo(3);
        assertThat(verification.problem()).contains("does not follow");
    }

    @Test
    void fieldBoundariesCannotBeShiftedBetweenFields() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        String a = AuditChain.seal(1, at, "ab", "", "X", "", "", AuditChain.GENESIS).hash();
        String b = AuditChain.seal(1, at, "a", "b", "X", "", "", AuditChain.GENESIS).hash();
        assertThat(a).isNotEqualTo(b);
    }
}
