package io.tierline.intake.store;

import io.tierline.events.Segment;

/** The customer as stored with a contact. */
public record CustomerDocument(String id, String name, String email, String phone, Segment segment) {

    @Override
    public String toString() {
        return "CustomerDocument[id=" + id + ", segment=" + segment + "]";
    }
}
