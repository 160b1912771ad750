package io.tierline.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of a dead-letter topic, ordered by partition then offset. {@code next} is the {@code after} value
 * of the following page, null on the last page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterPage(String topic, List<DeadLetter> deadLetters, String next) {
    public DeadLetterPage {
        deadLetters = List.copyOf(deadLetters);
    }
}
