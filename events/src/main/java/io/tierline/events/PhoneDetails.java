package io.tierline.events;

/** Phone gateway details: caller number (ANI), dialled number (DNIS) and the IVR path taken. */
public record PhoneDetails(String ani, String dnis, String ivrPath) {
}
