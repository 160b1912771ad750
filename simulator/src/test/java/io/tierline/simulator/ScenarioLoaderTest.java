package io.tierline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {

    static java.util.List<String> shipped() {
        return ScenarioLoader.SHIPPED;
    }

    static final String VALID = """
            name: t
            seed: 1
            duration: PT1M
            arrivals:
              ratePerMinute: 60
              channels: {CHAT: 1}
              categories: {billing: 1}
              languages: {en: 1}
            customers:
              patience: {medianSeconds: 60, sigma: 0.5}
            queues:
              - {id: q1, name: Q1, tier: 1, channels: [CHAT]}
            agents:
              - prefix: a
                count: 2
                tier: 1
                languages: [en]
                capacity: {CHAT: 2}
                acceptDelay: {medianSeconds: 1, sigma: 0.1}
                handle: {medianSeconds: 10, sigma: 0.1}
                wrapUp: {medianSeconds: 1, sigma: 0.1}
            """;

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedScenarioLoads(String name) {
        Scenario s = ScenarioLoader.load(name);
        assertEquals(name, s.name());
        assertTrue(s.agentCount() > 0);
        assertTrue(s.queues().stream().anyMatch(q -> Integer.valueOf(1).equals(q.get("tier"))), "an L1 queue");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ratePerMinute: 60|ratePerMinute: -1|arrivals.ratePerMinute",
            "channels: {CHAT: 1}|channels: {FAX: 1}|FAX",
            "count: 2|count: 0|agents[a].count",
            "duration: PT1M|duration: soon|duration",
            "languages: [en]|languages: []|agents[a].languages",
            "  - {id: q1, name: Q1|  - {name: Q1|queues[0].id",
            "seed: 1|seed: 1\\nsurprise: 2|surprise",
            "sigma: 0.5}|sigma: 9}|sigma"})
    void aBadScenarioNamesTheField(String from, String to, String named) {
        String yaml = VALID.replace(from, to.replace("\\n", "\n"));
        assertTrue(!yaml.equals(VALID), "the case must change the scenario");
        var e = assertThrows(ScenarioLoader.ScenarioException.class, () -> ScenarioLoader.parse(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aValidScenarioKeepsItsValues() {
        Scenario s = ScenarioLoader.parse(new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), "t");
        assertEquals(60, s.arrivals().ratePerMinute());
        assertEquals(1.0, s.arrivals().clockSpeed(), "default clock speed");
        assertEquals(2, s.agentCount());
        assertEquals("a-2", s.agents().get(0).agentId(2));
    }

    @org.junit.jupiter.api.Test
    void anUnknownScenarioNameIsAnError() {
        var e = assertThrows(ScenarioLoader.ScenarioException.class, () -> ScenarioLoader.load("no-such-scenario"));
        assertTrue(e.getMessage().contains("quiet-day"), e.getMessage());
    }
}
