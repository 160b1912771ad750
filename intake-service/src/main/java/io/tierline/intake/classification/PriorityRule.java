package io.tierline.intake.classification;

import io.tierline.events.Channel;
import io.tierline.events.Priority;
import io.tierline.events.Segment;

/**
 * A priority rule: a contact matching every condition that is set ({@code segment}, {@code channel},
 * {@code category}; at least one) gets at least {@code priority}.
 */
public record PriorityRule(String name, Segment segment, Channel channel, String category, Priority priority) {
}
