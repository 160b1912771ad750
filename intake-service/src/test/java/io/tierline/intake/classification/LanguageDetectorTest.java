package io.tierline.intake.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en | Where is my parcel? I ordered it two weeks ago and it has not arrived yet.",
            "en | The invoice of March is wrong.",
            "de | Wo ist mein Paket? Ich habe es vor zwei Wochen bestellt und es ist noch nicht angekommen.",
            "de | Die Rechnung für März ist falsch, bitte korrigieren Sie sie.",
            "fr | Où est mon colis ? Je l'ai commandé il y a deux semaines et il n'est toujours pas arrivé.",
            "fr | La facture de mars est fausse, pouvez-vous la corriger pour moi ?",
            "es | ¿Dónde está mi paquete? Lo pedí hace dos semanas y todavía no ha llegado.",
            "es | La factura de marzo está mal, por favor corríjanla para mí.",
            "pt | Onde está a minha encomenda? Eu pedi há duas semanas e ainda não chegou.",
            "pt | A fatura de março está errada, você pode corrigir isso?",
            "it | Dove è il mio pacco? L'ho ordinato due settimane fa e non è ancora arrivato.",
            "it | La fattura di marzo è sbagliata, per favore correggetela.",
            "nl | Waar is mijn pakket? Ik heb het twee weken geleden besteld en het is nog niet aangekomen.",
            "nl | De factuur van maart klopt niet, kunt u die voor mij corrigeren?"
    })
    void detectsTheLanguagesItKnows(String language, String text) {
        assertEquals(Optional.of(language), detector.detect(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one word | hello",
            "greeting | ok thanks",
            "no words | 12345 !!! ???",
            "order number only | Order 4711-XY",
            "a language it does not know | Gdzie jest moja paczka? Zamówiłem ją dwa tygodnie temu.",
            "empty | ''"
    })
    void isNotConfidentWhenTheTextSaysTooLittle(String name, String text) {
        assertEquals(Optional.empty(), detector.detect(text));
    }

    @org.junit.jupiter.api.Test
    void namesTheLanguagesItKnows() {
        assertEquals(List.of("en", "de", "fr", "es", "pt", "it", "nl"), LanguageDetector.languages());
    }
}
