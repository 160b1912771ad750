package io.tierline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import io.tierline.events.Customer;
import io.tierline.events.PhoneDetails;
import io.tierline.events.Priority;
import io.tierline.events.Segment;
import io.tierline.intake.classification.ClassificationRules;
import io.tierline.intake.classification.ClassificationRulesParser;
import io.tierline.intake.classification.LanguageDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classifier on a table of cases, with a rules document of every kind of rule. */
class ClassificationTableTest {

    private static final ClassificationRules RULES = ClassificationRulesParser.parse("""
            {"version": "table-1",
             "categories": [
               {"name": "hint-billing", "category": "billing", "hints": ["Invoices", "payments"]},
               {"name": "ivr-billing", "category": "billing", "ivrPathPrefix": "main>billing"},
               {"name": "ivr-tech", "category": "technical", "ivrPathPrefix": "main>tech"},
               {"name": "outage", "category": "outage", "keywords": ["outage", "service down"]},
               {"name": "refunds", "category": "billing", "keywords": ["refund"]}],
             "priorities": [
               {"name": "vip", "segment": "VIP", "priority": "HIGH"},
               {"name": "phone", "channel": "PHONE", "priority": "NORMAL"},
               {"name": "sms-low", "channel": "SMS", "priority": "LOW"},
               {"name": "outage-urgent", "category": "outage", "priority": "URGENT"},
               {"name": "vip-tech-phone", "segment": "VIP", "channel": "PHONE", "category": "technical", "priority": "URGENT"}],
             "repeatRaisesPriority": true}
            """);

    private final ContactClassifier classifier = new ContactClassifier(() -> RULES, "general", "en",
            new LanguageDetector());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                       | channel | segment  | ivrPath             | subject | message                                  | hint       | prio | repeat | category  | priority | language
            "nothing matches              | CHAT    | STANDARD | -                   | -       | Where is my parcel?                      | -          | -    | false  | general   | NORMAL   | en",
            "keyword in message           | CHAT    | STANDARD | -                   | -       | I want a REFUND for my order             | -          | -    | false  | billing   | NORMAL   | en",
            "keyword in subject           | EMAIL   | STANDARD | -                   | Refund! | see attachment                           | -          | -    | false  | billing   | NORMAL   | en",
            "keyword is a whole word      | CHAT    | STANDARD | -                   | -       | The refunded amount is wrong             | -          | -    | false  | general   | NORMAL   | en",
            "phrase keyword               | CHAT    | STANDARD | -                   | -       | is the service down again?               | -          | -    | false  | outage    | URGENT   | en",
            "phrase split is no match     | CHAT    | STANDARD | -                   | -       | the service is down                      | -          | -    | false  | general   | NORMAL   | en",
            "first rule in order wins     | CHAT    | STANDARD | -                   | -       | outage, and I want a refund              | -          | -    | false  | outage    | URGENT   | en",
            "ivr path prefix              | PHONE   | STANDARD | main>billing>cards  | -       | IVR call                                 | -          | -    | false  | billing   | NORMAL   | en",
            "ivr before keyword           | PHONE   | STANDARD | main>tech           | -       | refund please                            | -          | -    | false  | technical | NORMAL   | en",
            "other ivr path               | PHONE   | STANDARD | main>sales          | -       | IVR call                                 | -          | -    | false  | general   | NORMAL   | en",
            "hint mapped, any case        | CHAT    | STANDARD | -                   | -       | the outage again                         | invoices   | -    | false  | billing   | NORMAL   | en",
            "unmapped hint kept           | CHAT    | STANDARD | -                   | -       | the outage again                         | delivery   | -    | false  | delivery  | NORMAL   | en",
            "vip                          | CHAT    | VIP      | -                   | -       | hello                                    | -          | -    | false  | general   | HIGH     | en",
            "channel rule                 | SMS     | STANDARD | -                   | -       | hello                                    | -          | -    | false  | general   | LOW      | en",
            "highest matching rule        | SMS     | VIP      | -                   | -       | hello                                    | -          | -    | false  | general   | HIGH     | en",
            "rule of all three            | PHONE   | VIP      | main>tech>wifi      | -       | IVR call                                 | -          | -    | false  | technical | URGENT   | en",
            "repeat raises one step       | CHAT    | STANDARD | -                   | -       | hello                                    | -          | -    | true   | general   | HIGH     | en",
            "repeat of vip                | CHAT    | VIP      | -                   | -       | hello                                    | -          | -    | true   | general   | URGENT   | en",
            "repeat saturates at urgent   | CHAT    | STANDARD | -                   | -       | outage                                   | -          | -    | true   | outage    | URGENT   | en",
            "requested priority wins      | CHAT    | VIP      | -                   | -       | outage                                   | -          | LOW  | true   | outage    | LOW      | en",
            "language detected            | EMAIL   | STANDARD | -                   | Paket   | Wo ist mein Paket? Ich warte noch immer. | -          | -    | false  | general   | NORMAL   | de",
            "language undetectable        | EMAIL   | STANDARD | -                   | -       | Paket 4711                               | -          | -    | false  | general   | NORMAL   | en"
    })
    void classifies(String name, Channel channel, Segment segment, String ivrPath, String subject, String message,
            String hint, Priority requested, boolean repeat, String category, Priority priority, String language) {
        var details = ivrPath == null ? ChannelDetails.NONE
                : new ChannelDetails(new PhoneDetails("+1", "+2", ivrPath), null, null, null, null);
        var content = new ContactContent(channel, new Customer("cust-1", null, null, null, segment), null, subject,
                message, null, null, details);
        var submission = new ContactSubmission("key-1", "hash", content, hint, requested);

        assertEquals(new Classification(category, priority, language), classifier.classify(submission, RULES, repeat));
    }

    @org.junit.jupiter.api.Test
    void theGatewaysLanguageIsKept() {
        var content = new ContactContent(Channel.CHAT, new Customer("c", null, null, null, Segment.STANDARD), "fr",
                null, "Where is my parcel? It is not here.", null, null, null);
        assertEquals("fr", classifier.classify(new ContactSubmission("k", "h", content, null, null)).language());
    }
}
