package io.tierline.events;

/** The customer as the gateway identified them. Name, email and phone are personal data: never log them. */
public record Customer(String id, String name, String email, String phone, Segment segment) {

    @Override
    public String toString() {
        return "Customer[id=" + id + ", segment=" + segment + "]";
    }
}
