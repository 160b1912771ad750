package io.tierline.platform.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The consumer that gave up on a record: the service, and the channel and consumer group that read the
 * original topic (null when no channel of the service reads it with this dead-letter topic).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterConsumer(String service, String channel, String group) {
}
