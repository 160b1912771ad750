package io.tierline.intake.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.events.Channel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The search core over a table of cases: what each query finds, in rank order. */
class KbIndexSearchTest {

    private static final KbIndex INDEX = KbFixtures.index();

    @AfterAll
    static void close() throws Exception {
        INDEX.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, text, language, category, channel, expected ids in rank order
                of("title outranks body", "refund", "en", null, null, "en-refund", "en-payment"),
                of("english stemming: plural", "refunds", "en", null, null, "en-refund", "en-payment"),
                of("english stemming: past tense", "refunded", "en", null, null, "en-refund", "en-payment"),
                of("stop words do not change the ranking", "the refund of the", "en", null, null,
                        "en-refund", "en-payment"),
                of("only stop words find nothing", "the and of with", "en", null, null),
                of("german stemming", "Rechnungen", "de", null, null, "de-rechnung"),
                of("german stemming without a language filter", "Rechnungen", null, null, null, "de-rechnung"),
                of("german stop words", "die und der", "de", null, null),
                of("french stemming", "remboursements", "fr", null, null, "fr-remboursement"),
                of("standard analyser: exact word, any case", "ÅTERBETALNING", "sv", null, null,
                        "sv-aterbetalning"),
                of("standard analyser: no stemming", "återbetalningar", "sv", null, null),
                of("language filter", "refund", "de", null, null),
                of("language filter is case-insensitive", "Passwort", "DE", null, null, "de-passwort"),
                of("category filter excludes", "password", "en", "billing", null),
                of("category filter includes", "password", "en", "account", null, "en-password"),
                of("category filter is case-insensitive", "password", null, "Account", null, "en-password"),
                of("channel filter excludes", "parcel", "en", null, Channel.EMAIL),
                of("channel filter includes", "parcel", "en", null, Channel.CHAT, "en-delivery"),
                of("articles without channels are for every channel", "refund", "en", null, Channel.SMS,
                        "en-refund", "en-payment"),
                of("tags are searched", "wifi", "en", null, null, "en-wifi"),
                of("query syntax is text: quotes and parentheses", "\"AND ( * refund", "en", null, null,
                        "en-refund", "en-payment"),
                of("query syntax is text: operators only", "AND OR NOT ( ) [ ] { } ~ ^ : \\ / * ? \"", null,
                        null, null),
                of("query syntax is text: a field prefix is no filter", "language:de refund", "en", null, null,
                        "en-refund", "en-payment"),
                of("blank text finds nothing", "   ", null, null, null),
                of("unpublished articles are not found", "draft", "en", null, null));
    }

    private static Arguments of(String name, String text, String language, String category, Channel channel,
            String... expected) {
        return Arguments.of(name, text, language, category, channel, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheExpectedArticlesInRankOrder(String name, String text, String language, String category,
            Channel channel, List<String> expected) {
        List<String> ids = INDEX.search(new KbSearchQuery(text, language, category, channel, 10)).stream()
                .map(KbHit::id)
                .toList();
        assertEquals(expected, ids, name);
    }
}
