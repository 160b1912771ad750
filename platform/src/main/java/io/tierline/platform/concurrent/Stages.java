package io.tierline.platform.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The failure of a {@link CompletableFuture} as it was raised, not as the stages that followed wrapped it. */
public final class Stages {

    private Stages() {
    }

    /** The cause a dependent stage wrapped in a {@link CompletionException}; any other failure as it is. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * Waits for the stage on a thread that may wait. A RuntimeException it failed with is thrown as it is (a
     * ProblemException keeps its status); any other failure stays wrapped.
     */
    public static <T> T join(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            if (cause(e) instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
