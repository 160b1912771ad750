package io.tierline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1996", "fil", "EN-gb"})
    void acceptsWellFormedTags(String tag) {
        assertTrue(LanguageTag.isValid(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "english", "en_GB", "en-", "-en", "12", "en-GB-", "en GB", "en-Latn-Latn"})
    void rejectsOtherShapes(String tag) {
        assertFalse(LanguageTag.isValid(tag), tag);
    }

    @Test
    void normalisesCase() {
        assertEquals("en-GB", LanguageTag.normalise("EN-gb"));
        assertEquals("zh-Hant-TW", LanguageTag.normalise("ZH-hANT-tw"));
        assertEquals("es-419", LanguageTag.normalise("ES-419"));
        assertEquals("de-CH-1996", LanguageTag.normalise("de-ch-1996"));
        assertNull(LanguageTag.normalise(null));
    }

    @Test
    void refusesToNormaliseAnInvalidTag() {
        assertThrows(IllegalArgumentException.class, () -> LanguageTag.normalise("english"));
    }
}
