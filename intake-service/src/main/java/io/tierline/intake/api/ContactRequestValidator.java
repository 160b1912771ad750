package io.tierline.intake.api;

import io.tierline.events.Channel;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Validates a {@code POST /contacts} completely before anything is written: the {@code Idempotency-Key}
 * header, the body's constraints, and that only the details object named after the channel is present.
 * Every violation is reported at once, named by its JSON path.
 */
@ApplicationScoped
public class ContactRequestValidator {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    private final Validator validator;

    public ContactRequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** @throws ProblemException a 400 listing every violation */
    public void validate(String idempotencyKey, ContactRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            violations.add(new Violation(IDEMPOTENCY_KEY, "is required"));
        } else if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            violations.add(new Violation(IDEMPOTENCY_KEY, "must be at most " + MAX_KEY_LENGTH + " characters"));
        }
        if (request == null) {
            violations.add(new Violation("body", "is required"));
        } else {
            for (ConstraintViolation<ContactRequest> v : validator.validate(request)) {
                violations.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
            }
            checkChannelDetails(request, violations);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    private static void checkChannelDetails(ContactRequest request, List<Violation> violations) {
        Channel channel = request.channel();
        if (channel == null) {
            return;
        }
        foreignDetails(channel, Channel.PHONE, request.phone(), violations);
        foreignDetails(channel, Channel.EMAIL, request.email(), violations);
        foreignDetails(channel, Channel.CHAT, request.chat(), violations);
        foreignDetails(channel, Channel.SMS, request.sms(), violations);
        foreignDetails(channel, Channel.SOCIAL, request.social(), violations);
    }

    private static void foreignDetails(Channel channel, Channel of, Object details, List<Violation> violations) {
        if (details != null && channel != of) {
            violations.add(new Violation(fieldName(of), "must be absent for channel " + channel
                    + " (only '" + fieldName(channel) + "' may be present)"));
        }
    }

    static String fieldName(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /** {@code customer.id}, {@code attributes[key]}: property names joined by dots, map keys in brackets. */
    static String fieldOf(Path path) {
        var sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getKey() != null) {
                    sb.append('[').append(node.getKey()).append(']');
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
