package io.tierline.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StagesTest {

    @Test
    void aFailureADependentStageWrappedIsThrownAsItWasRaised() {
        IllegalStateException raised = new IllegalStateException("store down");
        CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(raised).thenApply(s -> s + "!");

        assertSame(raised, assertThrows(IllegalStateException.class, () -> Stages.join(dependent)));
        assertSame(raised, Stages.cause(new CompletionException(raised)));
    }

    @Test
    void aCheckedFailureStaysWrappedAndAnUnwrappedOneIsItsOwnCause() {
        IOException checked = new IOException("socket");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(checked);

        CompletionException thrown = assertThrows(CompletionException.class, () -> Stages.join(failed));
        assertSame(checked, thrown.getCause());
        assertSame(checked, Stages.cause(checked));
    }

    @Test
    void aCompletedStageAnswersItsValue() {
        assertEquals("ok", Stages.join(CompletableFuture.completedFuture("ok")));
    }
}
