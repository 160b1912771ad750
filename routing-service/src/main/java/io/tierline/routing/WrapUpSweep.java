package io.tierline.routing;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Ends expired wrap-ups every {@code tierline.routing.wrap-up-sweep}. */
@Singleton
public class WrapUpSweep {

    private static final Logger LOG = Logger.getLogger(WrapUpSweep.class);

    private final WrapUps wrapUps;

    public WrapUpSweep(WrapUps wrapUps) {
        this.wrapUps = wrapUps;
    }

    @Scheduled(every = "${tierline.routing.wrap-up-sweep:1s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            wrapUps.endExpired();
        } catch (RuntimeException e) {
            LOG.warnf("wrap-up sweep failed, next run retries: %s", e.getMessage());
        }
    }
}
