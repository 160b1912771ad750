package io.tierline.routing.messaging;

/** One event for an agent's stream: its type name, its id and its JSON exactly as on the topic. */
public record AssignmentNotice(String type, String eventId, String json) {
}
