package io.tierline.intake;

import io.tierline.events.Priority;

/** What intake derived from a submission: where it belongs, how urgent it is, which language it is in. */
public record Classification(String category, Priority priority, String language) {
}
