package io.tierline.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationRulesSourceTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheShippedRulesApply() {
        var source = new ClassificationRulesSource(Optional.empty(), Clock.systemUTC());
        assertEquals("classpath:" + ClassificationRulesSource.SHIPPED, source.active().source());
        assertFalse(source.reloadIfChanged());
    }

    @Test
    void aChangedFileTakesEffectAndABrokenOneIsRefusedKeepingThePreviousRules() throws IOException {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, document("v1", "refund"));
        var source = new ClassificationRulesSource(Optional.of(file), Clock.systemUTC());
        assertEquals("v1", source.current().version());
        assertFalse(source.reloadIfChanged(), "unchanged");

        Files.writeString(file, document("v2", "chargeback"));
        assertTrue(source.reloadIfChanged());
        assertEquals("v2", source.current().version());
        assertEquals("chargeback", source.current().categories().get(0).keywords().get(0));

        Files.writeString(file, """
                {"version": "v3", "categories": [{"name": "refunds", "category": "billing"}]}
                """);
        assertFalse(source.reloadIfChanged());
        assertEquals("v2", source.current().version(), "the previous rules stay");
        assertNotNull(source.lastRejection());
        assertTrue(source.lastRejection().message().contains("rule 'refunds'"), source.lastRejection().message());
        assertFalse(source.reloadIfChanged(), "the same broken content is not retried");

        Files.writeString(file, document("v4", "refund"));
        assertTrue(source.reloadIfChanged());
        assertEquals("v4", source.current().version());
        assertNull(source.lastRejection(), "fixed");
    }

    @Test
    void aBrokenFileOnStartFallsBackToTheShippedRulesAndSaysWhy() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"version\": ");
        var source = new ClassificationRulesSource(Optional.of(file), Clock.systemUTC());
        assertEquals("classpath:" + ClassificationRulesSource.SHIPPED, source.active().source());
        assertNotNull(source.lastRejection());

        Files.writeString(file, document("v1", "refund"));
        assertTrue(source.reloadIfChanged(), "the fixed file takes effect");
        assertEquals("v1", source.current().version());
    }

    static String document(String version, String keyword) {
        return """
                {"version": "%s",
                 "categories": [{"name": "refunds", "category": "billing", "keywords": ["%s"]}],
                 "priorities": [{"name": "vip", "segment": "VIP", "priority": "HIGH"}],
                 "repeatRaisesPriority": true}
                """.formatted(version, keyword);
    }
}
