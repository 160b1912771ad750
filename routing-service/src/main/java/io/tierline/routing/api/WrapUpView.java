package io.tierline.routing.api;

import java.util.List;

/** {@code POST /agents/{agentId}/wrap-up/complete}: the contacts whose wrap-up ended (none if there was none). */
public record WrapUpView(String agentId, List<String> ended) {
}
