package io.tierline.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tierline.events.Channel;
import io.tierline.events.ChatDetails;
import io.tierline.events.Customer;
import io.tierline.events.EmailDetails;
import io.tierline.events.PhoneDetails;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.events.SmsDetails;
import io.tierline.events.SocialDetails;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactDocumentMapperTest {

    static Stream<Arguments> everyChannel() {
        return Stream.of(
                Arguments.of(Channel.PHONE, new ChannelDetails(new PhoneDetails("+1", "+2", "1>3"), null, null, null, null)),
                Arguments.of(Channel.EMAIL, new ChannelDetails(null, new EmailDetails("a@b.c", "m1", null), null, null, null)),
                Arguments.of(Channel.CHAT, new ChannelDetails(null, null, new ChatDetails("s1", "hi"), null, null)),
                Arguments.of(Channel.SMS, new ChannelDetails(null, null, null, new SmsDetails("+3"), null)),
                Arguments.of(Channel.SOCIAL, new ChannelDetails(null, null, null, null, new SocialDetails("x", "@me"))),
                Arguments.of(Channel.CHAT, ChannelDetails.NONE));
    }

    @ParameterizedTest
    @MethodSource("everyChannel")
    void aContactSurvivesTheRoundTrip(Channel channel, ChannelDetails details) {
        var content = new ContactContent(channel, new Customer("c1", "Ann", "ann@example.com", "+44", Segment.VIP),
                "en-GB", "subject", "message", "gw-1", Map.of("k", "v"), details);
        var contact = new Contact("C-1", "e-1", "key", "hash", content, "billing", Priority.HIGH, "C-0",
                ContactStatus.RECEIVED, Instant.parse("2026-01-02T03:04:05.678Z"), PublishState.PENDING);

        ContactDocument doc = ContactDocumentMapper.toDocument(contact);

        assertEquals(contact, ContactDocumentMapper.toContact(doc));
        assertEquals("C-1", doc.id());
        assertNull(doc.publishedAt());
    }
}
