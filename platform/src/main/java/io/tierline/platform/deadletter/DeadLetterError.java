package io.tierline.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Why the consumer gave up: the failure's message and class, and its cause's (null when there was none). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterError(String reason, String exceptionClass, String cause, String causeClass) {
}
