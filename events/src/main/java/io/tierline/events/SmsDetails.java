package io.tierline.events;

/** SMS gateway details: the sender's number. */
public record SmsDetails(String from) {
}
