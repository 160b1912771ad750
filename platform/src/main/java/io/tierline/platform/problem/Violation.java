package io.tierline.platform.problem;

/** One invalid input: the field's JSON path (e.g. {@code customer.id}) and what is wrong with it. */
public record Violation(String field, String message) {
}
