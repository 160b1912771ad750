package io.tierline.events;

/** The customer's service segment. */
public enum Segment {
    STANDARD, VIP
}
