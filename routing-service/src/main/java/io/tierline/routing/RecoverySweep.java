package io.tierline.routing;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Finishes work a crash left half done, every {@code tierline.routing.recovery-sweep}. */
@Singleton
public class RecoverySweep {

    private static final Logger LOG = Logger.getLogger(RecoverySweep.class);

    private final Recovery recovery;

    public RecoverySweep(Recovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(every = "${tierline.routing.recovery-sweep:5s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            recovery.sweep();
        } catch (RuntimeException e) {
            LOG.warnf("recovery sweep failed, next run retries: %s", e.getMessage());
        }
    }
}
