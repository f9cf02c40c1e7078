package org.orderly.server.audit;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.orderly.store.audit.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Writes a signed checkpoint of the audit log at start-up, then at an interval ({@code orderly.audit.checkpoint-interval},
 * default one minute) and once more on shutdown, outside the database, beside the audit key. A refused checkpoint (the
 * log no longer matches the last checkpoint or the high-water mark) is logged as an error each time.
 */
@Component
class AuditCheckpointSchedule implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointSchedule.class);

    private final AuditStore store;
    private final ScheduledFuture<?> timer;

    AuditCheckpointSchedule(
            AuditStore store,
            TaskScheduler scheduler,
            @Value("${orderly.audit.checkpoint-interval:PT1M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("orderly.audit.checkpoint-interval must be positive, was " + interval);
        }
        this.store = store;
        // The first at once: what a killed run appended after its last checkpoint is signed at start-up (the audit
        // store
        // also does so before this process's first append, whichever comes first).
        this.timer = scheduler.scheduleWithFixedDelay(this::checkpoint, interval);
    }

    private void checkpoint() {
        try {
            store.checkpoint()
                    .ifPresent(c -> log.debug("Audit checkpoint: {} entries, head {}", c.entries(), c.headHash()));
        } catch (RuntimeException e) {
            // The log no longer matches the last checkpoint (or the file cannot be written): say so loudly, keep
            // running.
            log.error("Audit checkpoint not written: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        // A run in progress finishes (no interrupt); then the last checkpoint, which the store serialises with it.
        timer.cancel(false);
        checkpoint();
    }
}
