package org.orderly.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.orderly.server.security.ActingDataSource;
import org.orderly.store.DatabaseSettings;
import org.orderly.store.OrderlyDatabase;
import org.orderly.store.RegistryStore;
import org.orderly.store.TreatyStatusImporter;
import org.orderly.store.VisaMatrixImporter;
import org.orderly.store.audit.AuditStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the store: one database (embedded or external), its registry and importers. */
@Configuration(proxyBeanMethods = false)
class OrderlyConfiguration {

    /**
     * The one scheduler of the server's recurring work (the overstay sweep, audit checkpoints, passenger-data retention):
     * Spring's, two daemon threads, each task's failure logged by the task and never stopping the others. Shut down after
     * the beans that schedule on it, so that a task's last run on shutdown (the audit's final checkpoint) still happens.
     */
    @Bean
    org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler orderlyScheduler() {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("orderly-scheduled-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /**
     * The one clock of the server, in UTC: every store, API and page that needs the time or today's date is given this
     * bean (never the system clock of its own), so that a test can replace it with a fixed one and find that time in
     * what is recorded and answered. Elapsed durations in logs and solver deadlines use {@code System.nanoTime()}.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    OrderlyDatabase orderlyDatabase(OrderlyProperties properties) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (properties.home() != null && !properties.home().isBlank()) env.put("ORDERLY_HOME", properties.home());
        if (properties.dbUrl() != null && !properties.dbUrl().isBlank()) env.put("ORDERLY_DB_URL", properties.dbUrl());
        if (properties.dbUser() != null) env.put("ORDERLY_DB_USER", properties.dbUser());
        if (properties.dbPassword() != null) env.put("ORDERLY_DB_PASSWORD", properties.dbPassword());
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
        if ("temporary".equals(properties.home())) {
            try {
                // A throwaway database: embedded, or a fresh one on the server ORDERLY_DB_URL names (the tests run so
                // in CI).
                settings = DatabaseSettings.scratch(Files.createTempDirectory("orderly-"), env);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return OrderlyDatabase.open(settings);
    }

    /**
     * The one DataSource every store writes through: connections that name the acting principal, so that every registry
     * write and import records its actor. One DataSource is what lets one transaction span several stores: a transaction
     * binds its connection to this object, and every store's statements find it there.
     */
    @Bean
    DataSource dataSource(OrderlyDatabase database) {
        return new ActingDataSource(database.dataSource());
    }

    /**
     * The transaction manager over that DataSource, and the template through which a write that spans stores (a
     * conclusion: registry and negotiation; a transfer: its record and its audit entry) runs in one transaction. Each
     * store's own TransactionTemplate over the same DataSource joins it. There is no {@code @Transactional} in Orderly:
     * the server has no transaction interceptor, so such an annotation would promise what nothing keeps.
     */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /** Its writes discard the registry snapshot that commands answer from without the server ($ORDERLY_HOME/registry.snapshot). */
    @Bean
    RegistryStore registryStore(OrderlyDatabase database, DataSource dataSource) {
        return new RegistryStore(dataSource, database.registrySnapshot());
    }

    /** The audit log; its signing key and checkpoints live outside the database, in $ORDERLY_HOME/audit. */
    @Bean
    AuditStore auditStore(OrderlyDatabase database, DataSource dataSource, Clock clock) {
        return AuditStore.open(dataSource, database.home().resolve("audit"), clock);
    }

    @Bean
    VisaMatrixImporter visaMatrixImporter(RegistryStore store) {
        return new VisaMatrixImporter(store);
    }

    @Bean
    TreatyStatusImporter treatyStatusImporter(RegistryStore store) {
        return new TreatyStatusImporter(store);
    }
}
