package io.tierline.events;

/** Social messaging details: the network and the customer's handle on it. */
public record SocialDetails(String network, String handle) {
}
