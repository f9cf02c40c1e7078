package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.exchange.audit.AuditChain;
import org.orderly.exchange.audit.AuditEntry;
import org.orderly.store.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditStoreTest {
    AuditStore audit;
    JdbcClient jdbc;

    @BeforeEach
    void emptyLog() {
        jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        jdbc.sql("truncate audit_entry").update();
        audit = new AuditStore(TestDatabase.get().dataSource());
    }

    @Test
    void appendedEntriesChainAndVerify() {
        AuditEntry first = audit.append("officer", "DEU", "SCREENING", "wanted-persons", "hits: 1");
        AuditEntry second = audit.append("officer", "DEU", "BORDER_CHECK", "wanted-persons", "hits: 0");
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(audit.latest(1)).singleElement().extracting(AuditEntry::sequence).isEqualTo(2L);
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<AuditEntry>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            futures.add(pool.submit(() -> audit.append("officer-" + n, "DEU", "SCREENING", "list", "")));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditEntry> f : futures) sequences.add(f.get().sequence());
        pool.shutdown();
        Collections.sort(sequences);
        assertThat(sequences).hasSize(40).doesNotHaveDuplicates().startsWith(1L).endsWith(40L);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anEntryChangedInTheDatabaseIsFound() {
        audit.append("officer", "DEU", "SCREENING", "list", "hits: 1");
        audit.append("officer", "DEU", "SCREENING", "list", "hits: 2");
        audit.append("officer", "DEU", "SCREENING", "list", "hits: 3");
        jdbc.sql("update audit_entry set detail = 'hits: 0' where sequence = 2").update();
        AuditChain.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2);
    }
}
