package io.tierline.intake.kb;

import static io.tierline.intake.kb.KbFixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.EventIds;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.intake.ChannelDetails;
import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import io.tierline.intake.ContactStatus;
import io.tierline.intake.PublishState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Suggestions for a contact: its language, its category unless it is the default one, never an exception. */
class KbSuggestionsTest {

    private static Contact contact(String language, String category, String message) {
        var content = new ContactContent(Channel.CHAT, new Customer("cust-1", null, null, null, Segment.STANDARD),
                language, null, message, null, Map.of(), ChannelDetails.NONE);
        return new Contact("C-1", EventIds.derive("C-1", "received"), "key-1", "hash", content, category,
                Priority.NORMAL, null, ContactStatus.RECEIVED, Instant.parse("2026-11-01T10:00:00Z"),
                PublishState.PUBLISHED);
    }

    private static List<String> ids(List<KbHit> hits) {
        return hits.stream().map(KbHit::id).toList();
    }

    @Test
    void usesThePrimaryLanguageAndTheCategoryUnlessItIsTheDefault() throws Exception {
        try (KbIndex index = new KbIndex(3.0f)) {
            index.apply(KbRevision.of(article("en-refund", "en", "Refund", "Money back.", "billing")));
            index.apply(KbRevision.of(article("de-refund", "de", "Refund", "Geld zurück.", "billing")));
            var suggestions = new KbSuggestions(new KbSuggester(index, 3, 0f), "general");

            assertEquals(List.of("en-refund"), ids(suggestions.forContact(contact("en-GB", "general", "refund"))));
            assertEquals(List.of("en-refund"), ids(suggestions.forContact(contact("en", "billing", "refund"))));
            assertEquals(List.of(), ids(suggestions.forContact(contact("en", "account", "refund"))));
            assertEquals(Set.of("de-refund", "en-refund"),
                    Set.copyOf(ids(suggestions.forContact(contact(null, "general", "refund")))), "no language: all");
        }
    }

    @Test
    void aFailingSearchGivesNoSuggestionsInsteadOfAnError() throws Exception {
        KbIndex index = new KbIndex(3.0f);
        index.apply(KbRevision.of(article("en-refund", "en", "Refund", "Money back.")));
        index.close();
        var suggestions = new KbSuggestions(new KbSuggester(index, 3, 0f), "general");

        assertEquals(List.of(), suggestions.forContact(contact("en", "general", "refund")));
    }

    @Test
    void primaryLanguage() {
        assertEquals("pt", KbSuggestions.primaryLanguage("pt-BR"));
        assertEquals("zh", KbSuggestions.primaryLanguage("zh-Hant-TW"));
        assertEquals("de", KbSuggestions.primaryLanguage("DE"));
        assertEquals(null, KbSuggestions.primaryLanguage(null));
    }
}
