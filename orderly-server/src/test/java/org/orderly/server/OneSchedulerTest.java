package org.orderly.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RunnableScheduledFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The server's recurring work (the overstay sweep, audit checkpoints, passenger-data retention) runs on one scheduler,
 * Spring's: no hand-made executor beside it, no thread of its own.
 */
class OneSchedulerTest extends ServerTest {
    @Autowired
    ApplicationContext context;

    @Test
    void everyRecurringTaskRunsOnTheOneSpringScheduler() {
        assertThat(context.getBeansOfType(TaskScheduler.class)).hasSize(1);
        assertThat(context.getBeansOfType(ExecutorService.class))
                .as("no executor of its own")
                .isEmpty();
        ThreadPoolTaskScheduler scheduler = (ThreadPoolTaskScheduler) context.getBean(TaskScheduler.class);
        long periodic = scheduler.getScheduledThreadPoolExecutor().getQueue().stream()
                .filter(task -> task instanceof RunnableScheduledFuture<?> f && f.isPeriodic())
                .count();
        // Tasks running at this moment are out of the queue; at least the sweep, the checkpoint and the retention are
        // in it or running.
        assertThat(periodic + scheduler.getActiveCount()).isGreaterThanOrEqualTo(3);
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(name -> name.equals("overstay-sweep")
                        || name.equals("audit-checkpoints")
                        || name.equals("passenger-retention"));
    }
}
