package io.tierline.intake.api;

import io.tierline.events.Customer;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.kb.KbHit;
import io.tierline.intake.kb.api.KbViewMapper;
import java.util.List;

/** Maps a {@link Contact} to the REST answers. */
public final class ContactViewMapper {

    private ContactViewMapper() {
    }

    public static ContactAccepted toAccepted(Contact c) {
        return toAccepted(c, List.of());
    }

    /** The answer with the knowledge-base articles suggested for the contact (not stored with it). */
    public static ContactAccepted toAccepted(Contact c, List<KbHit> suggestions) {
        return new ContactAccepted(c.contactId(), c.status(), c.category(), c.priority(), c.content().language(),
                c.repeatOf(), suggestionViews(suggestions), c.receivedAt(), c.queueAt());
    }

    private static List<SuggestionView> suggestionViews(List<KbHit> hits) {
        return hits.stream()
                .map(h -> new SuggestionView(h.id(), h.title(), KbViewMapper.rounded(h.score()), h.snippet()))
                .toList();
    }

    public static ContactView toView(Contact c) {
        ContactContent content = c.content();
        Customer customer = content.customer();
        ChannelDetails d = content.details();
        return new ContactView(
                c.contactId(),
                c.status(),
                content.channel(),
                new CustomerDto(customer.id(), customer.name(), customer.email(), customer.phone(), customer.segment()),
                content.language(),
                content.subject(),
                content.message(),
                c.category(),
                c.priority(),
                c.repeatOf(),
                content.gatewayRef(),
                content.attributes(),
                d.phone() == null ? null : new PhoneDto(d.phone().ani(), d.phone().dnis(), d.phone().ivrPath()),
                d.email() == null ? null : new EmailDto(d.email().from(), d.email().messageId(), d.email().inReplyTo()),
                d.chat() == null ? null : new ChatDto(d.chat().sessionId(), d.chat().transcript()),
                d.sms() == null ? null : new SmsDto(d.sms().from()),
                d.social() == null ? null : new SocialDto(d.social().network(), d.social().handle()),
                c.receivedAt(),
                c.queueAt(),
                c.publishState(),
                c.closure() == null ? null : c.closure().closedAt(),
                c.closure() == null ? null : c.closure().articleId(),
                c.survey() == null ? null
                        : new SurveyView(c.survey().score(), c.survey().comment(), c.survey().submittedAt()),
                c.messages().isEmpty() ? null : c.messages().stream()
                        .map(m -> new MessageView(m.messageRef(), m.message(), m.addedAt())).toList());
    }
}
