package io.tierline.routing;

/** The queue chosen for a contact (null if none fits) and why. */
public record QueueDecision(RoutingQueue queue, String reason) {

    public boolean found() {
        return queue != null;
    }
}
