package io.tierline.intake.api;

import java.time.Duration;
import io.tierline.events.ChatDetails;
import io.tierline.events.Customer;
import io.tierline.events.EmailDetails;
import io.tierline.events.PhoneDetails;
import io.tierline.events.Segment;
import io.tierline.events.SmsDetails;
import io.tierline.events.SocialDetails;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.ContactContent;
import io.tierline.intake.ContactSubmission;
import io.tierline.intake.LanguageTag;

/** Maps a validated {@link ContactRequest} to the domain's {@link ContactSubmission}. */
public final class ContactRequestMapper {

    private ContactRequestMapper() {
    }

    public static ContactSubmission toSubmission(String idempotencyKey, ContactRequest request) {
        var content = new ContactContent(
                request.channel(),
                customer(request.customer()),
                LanguageTag.normalise(request.language()),
                request.subject(),
                request.message(),
                request.gatewayRef(),
                request.attributes(),
                details(request));
        return new ContactSubmission(idempotencyKey, RequestFingerprint.of(request), content, request.category(),
                request.priority(), request.selfService() == null || request.selfService().holdSeconds() == null
                        ? null : Duration.ofSeconds(request.selfService().holdSeconds()));
    }

    private static Customer customer(CustomerDto c) {
        return new Customer(c.id(), c.name(), c.email(), c.phone(),
                c.segment() == null ? Segment.STANDARD : c.segment());
    }

    private static ChannelDetails details(ContactRequest r) {
        return new ChannelDetails(
                r.phone() == null ? null : new PhoneDetails(r.phone().ani(), r.phone().dnis(), r.phone().ivrPath()),
                r.email() == null ? null
                        : new EmailDetails(r.email().from(), r.email().messageId(), r.email().inReplyTo()),
                r.chat() == null ? null : new ChatDetails(r.chat().sessionId(), r.chat().transcript()),
                r.sms() == null ? null : new SmsDetails(r.sms().from()),
                r.social() == null ? null : new SocialDetails(r.social().network(), r.social().handle()));
    }
}
