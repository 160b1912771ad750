package io.tierline.events;

/** Email gateway details; {@code inReplyTo} threads a reply onto an earlier message. */
public record EmailDetails(String from, String messageId, String inReplyTo) {
}
