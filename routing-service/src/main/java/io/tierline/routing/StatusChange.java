package io.tierline.routing;

/** The agent after a status command; {@code changed} is false when it already had that status. */
public record StatusChange(Agent agent, boolean changed) {
}
