package io.tierline.escalation;

/** What {@code GET /cases} asks for; null means "any". */
public record CaseFilter(CaseStatus status, Integer tier, String customerId, int limit) {
}
