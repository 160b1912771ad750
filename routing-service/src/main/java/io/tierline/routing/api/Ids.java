package io.tierline.routing.api;

/** The ids an administrator chooses for queues and agents. */
final class Ids {
    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    static final String MESSAGE = "must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private Ids() {
    }
}
