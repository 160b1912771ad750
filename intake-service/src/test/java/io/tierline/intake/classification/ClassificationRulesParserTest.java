package io.tierline.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tierline.events.Priority;
import io.tierline.events.Segment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassificationRulesParserTest {

    @Test
    void theShippedDocumentIsValid() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ClassificationRulesSource.SHIPPED)) {
            ClassificationRules rules = ClassificationRulesParser.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            assertTrue(rules.categories().size() >= 3);
            assertTrue(rules.repeatRaisesPriority());
            assertTrue(rules.priorities().stream().anyMatch(p -> p.segment() == Segment.VIP
                    && p.priority() == Priority.HIGH));
        }
    }

    @Test
    void readsEveryKindOfRule() {
        ClassificationRules rules = ClassificationRulesParser.parse("""
                {"version": "v1",
                 "categories": [
                   {"name": "a", "category": "billing", "ivrPathPrefix": "1>"},
                   {"name": "b", "category": "billing", "keywords": ["refund"]},
                   {"name": "c", "category": "tech", "hints": ["it"]}],
                 "priorities": [{"name": "d", "channel": "PHONE", "category": "tech", "priority": "HIGH"}],
                 "repeatRaisesPriority": true}
                """);
        assertEquals("v1", rules.version());
        assertEquals(3, rules.categories().size());
        assertEquals("1>", rules.categories().get(0).ivrPathPrefix());
        assertEquals(Priority.HIGH, rules.priorities().get(0).priority());
        assertTrue(rules.repeatRaisesPriority());
    }

    static Stream<Arguments> brokenDocuments() {
        return Stream.of(
                Arguments.of("no version", "{\"categories\": []}",
                        "'version' is required"),
                Arguments.of("not JSON", "{\"version\":",
                        "not a valid rules document"),
                Arguments.of("unknown field", "{\"version\": \"v\", \"colour\": 1}",
                        "not a valid rules document"),
                Arguments.of("no condition", "{\"version\": \"v\", \"categories\": [{\"name\": \"refunds\", \"category\": \"billing\"}]}",
                        "rule 'refunds' (categories[0]): needs exactly one of"),
                Arguments.of("two conditions", "{\"version\": \"v\", \"categories\": [{\"name\": \"x\", \"category\": \"b\", \"ivrPathPrefix\": \"1\", \"keywords\": [\"a\"]}]}",
                        "rule 'x' (categories[0]): needs exactly one of"),
                Arguments.of("no category", "{\"version\": \"v\", \"categories\": [{\"name\": \"refunds\", \"keywords\": [\"refund\"]}]}",
                        "rule 'refunds' (categories[0]): 'category' is required"),
                Arguments.of("empty keywords", "{\"version\": \"v\", \"categories\": [{\"name\": \"k\", \"category\": \"b\", \"keywords\": []}]}",
                        "rule 'k' (categories[0]): 'keywords' must not be empty"),
                Arguments.of("keyword without letters", "{\"version\": \"v\", \"categories\": [{\"name\": \"k\", \"category\": \"b\", \"keywords\": [\"--\"]}]}",
                        "rule 'k' (categories[0]): keyword '--' has no letters or digits"),
                Arguments.of("no name", "{\"version\": \"v\", \"categories\": [{\"category\": \"b\", \"keywords\": [\"x\"]}]}",
                        "rule categories[0]: 'name' is required"),
                Arguments.of("duplicate name", "{\"version\": \"v\", \"categories\": [{\"name\": \"a\", \"category\": \"b\", \"keywords\": [\"x\"]}], \"priorities\": [{\"name\": \"a\", \"channel\": \"SMS\", \"priority\": \"LOW\"}]}",
                        "rule 'a' (priorities[0]): the name is used by another rule"),
                Arguments.of("unknown priority", "{\"version\": \"v\", \"priorities\": [{\"name\": \"p\", \"channel\": \"SMS\", \"priority\": \"CRITICAL\"}]}",
                        "at priorities[0].priority"),
                Arguments.of("unknown segment", "{\"version\": \"v\", \"priorities\": [{\"name\": \"p\", \"segment\": \"GOLD\", \"priority\": \"HIGH\"}]}",
                        "at priorities[0].segment"),
                Arguments.of("priority rule without condition", "{\"version\": \"v\", \"priorities\": [{\"name\": \"p\", \"priority\": \"HIGH\"}]}",
                        "rule 'p' (priorities[0]): needs at least one of"),
                Arguments.of("priority rule without priority", "{\"version\": \"v\", \"priorities\": [{\"name\": \"p\", \"channel\": \"SMS\"}]}",
                        "rule 'p' (priorities[0]): 'priority' is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void refusesABrokenDocumentNamingTheRule(String name, String json, String expected) {
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> ClassificationRulesParser.parse(json));
        assertTrue(e.getMessage().contains(expected), () -> "message was: " + e.getMessage());
    }
}
