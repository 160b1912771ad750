package io.tierline.escalation;

import java.time.Instant;

/** The handle-time parts a tier reported: when its agent accepted, and talk and hold time. */
public record HandleTime(Instant acceptedAt, long talkMillis, long holdMillis) {
}
