package io.tierline.platform.lifecycle;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * Skips a scheduled job until the application has started. Quarkus starts the scheduler before SmallRye
 * Reactive Messaging connects its channels (both on {@code StartupEvent}), so a sweep that publishes would
 * otherwise fail at its first runs ("Unable to connect an emitter") while a slow start is still wiring Kafka.
 * Use as {@code @Scheduled(..., skipExecutionIf = UntilStarted.class)}.
 */
@Singleton
public class UntilStarted implements Scheduled.SkipPredicate {

    private volatile boolean started;

    /** Runs after the messaging lifecycle's own startup observer (LIBRARY_BEFORE), so the channels are wired. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        started = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started;
    }
}
