package io.tierline.escalation.api;

import io.tierline.events.Segment;

/** The case's customer as support staff see it. */
public record CustomerView(String id, String name, String email, String phone, Segment segment) {
}
