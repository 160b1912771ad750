package io.tierline.events;

/** The channel a contact arrived on. */
public enum Channel {
    PHONE, CHAT, EMAIL, SMS, SOCIAL
}
