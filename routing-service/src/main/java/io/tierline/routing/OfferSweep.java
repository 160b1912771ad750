package io.tierline.routing;

import io.quarkus.scheduler.Scheduled;
import io.tierline.platform.lifecycle.UntilStarted;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Times out expired offers every {@code tierline.routing.offer-sweep}. */
@Singleton
public class OfferSweep {

    private static final Logger LOG = Logger.getLogger(OfferSweep.class);

    private final OfferTimeouts timeouts;

    public OfferSweep(OfferTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    @Scheduled(every = "${tierline.routing.offer-sweep:1s}", delayed = "1s", skipExecutionIf = UntilStarted.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            timeouts.sweep();
        } catch (RuntimeException e) {
            LOG.warnf("offer sweep failed, next run retries: %s", e.getMessage());
        }
    }
}
