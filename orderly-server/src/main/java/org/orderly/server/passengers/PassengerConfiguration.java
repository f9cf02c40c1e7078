package org.orderly.server.passengers;

import javax.sql.DataSource;
import org.orderly.exchange.sharing.RetentionSchedule;
import org.orderly.store.audit.AuditStore;
import org.orderly.store.passengers.ManifestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the manifest store and runs the retention schedule (mask, then delete) in the background. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PassengerProperties.class)
class PassengerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(PassengerConfiguration.class);

    @Bean
    ManifestStore manifestStore(DataSource dataSource) {
        return new ManifestStore(dataSource);
    }

    @Bean
    RetentionSchedule heldRetention(PassengerProperties properties) {
        return new RetentionSchedule(properties.maskAfterDays(), properties.deleteAfterMaskingDays());
    }

    @Bean(destroyMethod = "")
    java.util.concurrent.ScheduledFuture<?> retentionRunner(
            ManifestStore store,
            RetentionSchedule schedule,
            AuditStore audit,
            PassengerProperties properties,
            TransactionTemplate transactions,
            org.springframework.scheduling.TaskScheduler scheduler,
            java.time.Clock clock) {
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        // The masking and deleting and its audit entry in one transaction: a run the log does not show
                        // did not happen
                        // (a failed run is tried again at the next interval).
                        ManifestStore.RetentionRun run = transactions.execute(status -> {
                            ManifestStore.RetentionRun applied = store.applyRetention(schedule, clock.instant());
                            if (applied.manifestsMasked()
                                            + applied.manifestsDeleted()
                                            + applied.transfersMasked()
                                            + applied.rejectedDeleted()
                                    > 0) {
                                audit.append("orderly-retention", "", "RETENTION", "manifests", applied.toString());
                            }
                            return applied;
                        });
                        if (run.manifestsMasked()
                                        + run.manifestsDeleted()
                                        + run.transfersMasked()
                                        + run.rejectedDeleted()
                                > 0) {
                            log.info("Passenger data retention: {}", run);
                        }
                    } catch (RuntimeException e) {
                        log.error("Passenger data retention failed; it runs again at the next interval", e);
                    }
                },
                // When the first run starts is the scheduler's own (real) time; what a run masks is the server's
                // clock's.
                scheduler.getClock().instant().plus(java.time.Duration.ofMinutes(1)),
                java.time.Duration.ofMinutes(properties.retentionIntervalMinutes()));
    }
}
