package io.tierline.events;

/** Chat gateway details: the session and the transcript so far. */
public record ChatDetails(String sessionId, String transcript) {
}
