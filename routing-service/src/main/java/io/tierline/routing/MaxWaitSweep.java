package io.tierline.routing;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Moves or withdraws contacts waiting past their queue's maximum wait every {@code tierline.routing.max-wait-sweep}. */
@Singleton
public class MaxWaitSweep {

    private static final Logger LOG = Logger.getLogger(MaxWaitSweep.class);

    private final MaxWait maxWait;

    public MaxWaitSweep(MaxWait maxWait) {
        this.maxWait = maxWait;
    }

    @Scheduled(every = "${tierline.routing.max-wait-sweep:1s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            maxWait.sweep();
        } catch (RuntimeException e) {
            LOG.warnf("max-wait sweep failed, next run retries: %s", e.getMessage());
        }
    }
}
