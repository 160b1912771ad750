package io.tierline.intake.api;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /contacts/{contactId}/deflect}: the article that solved it. */
public record DeflectRequest(@Size(max = 200) String articleId) {
}
