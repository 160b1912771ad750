package io.tierline.intake.classification;

/** A rules document that cannot take effect; the message names the rule and what is wrong with it. */
public class InvalidRulesException extends RuntimeException {

    public InvalidRulesException(String message) {
        super(message);
    }

    public InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
