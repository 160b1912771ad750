package io.tierline.routing;

/** A queue's service level: answer {@code targetPercent} of contacts within {@code answerWithinSeconds}. */
public record Sla(int answerWithinSeconds, double targetPercent) {
}
