package io.tierline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import org.junit.jupiter.api.Test;

class ContactClassifierTest {

    private final ContactClassifier classifier = new ContactClassifier("general", "en");

    @Test
    void defaultsCategoryLanguageAndNormalPriorityForStandardCustomers() {
        var c = classifier.classify(submission(Segment.STANDARD, null, null, null));
        assertEquals(new Classification("general", Priority.NORMAL, "en"), c);
    }

    @Test
    void vipCustomersGetHighPriorityByDefault() {
        assertEquals(Priority.HIGH, classifier.classify(submission(Segment.VIP, null, null, null)).priority());
    }

    @Test
    void aRequestedPriorityWinsOverTheSegment() {
        assertEquals(Priority.LOW, classifier.classify(submission(Segment.VIP, null, Priority.LOW, null)).priority());
        assertEquals(Priority.URGENT,
                classifier.classify(submission(Segment.STANDARD, null, Priority.URGENT, null)).priority());
    }

    @Test
    void aRequestedCategoryIsKeptTrimmedAndABlankOneFallsBackToTheDefault() {
        assertEquals("billing", classifier.classify(submission(Segment.STANDARD, " billing ", null, null)).category());
        assertEquals("general", classifier.classify(submission(Segment.STANDARD, "  ", null, null)).category());
    }

    @Test
    void theContactsLanguageWinsOverTheDefault() {
        assertEquals("pt-BR", classifier.classify(submission(Segment.STANDARD, null, null, "pt-BR")).language());
    }

    @Test
    void theDefaultLanguageSettingIsNormalised() {
        var german = new ContactClassifier("general", "DE-de");
        assertEquals("de-DE", german.classify(submission(Segment.STANDARD, null, null, null)).language());
    }

    private static ContactSubmission submission(Segment segment, String category, Priority priority, String language) {
        var content = new ContactContent(Channel.CHAT, new Customer("cust-1", null, null, null, segment), language,
                null, "hello", null, null, null);
        return new ContactSubmission("key-1", "hash", content, category, priority);
    }
}
