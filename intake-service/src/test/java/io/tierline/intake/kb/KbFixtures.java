package io.tierline.intake.kb;

import io.tierline.events.Channel;
import java.time.Instant;
import java.util.List;

/** Articles for the search tests, in several languages. */
final class KbFixtures {

    static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    private KbFixtures() {
    }

    static KbArticle article(String id, String language, String title, String body, List<String> categories,
            List<String> tags, List<Channel> channels) {
        return new KbArticle(id, title, body, language, categories, tags, channels, true, 1, AT);
    }

    static KbArticle article(String id, String language, String title, String body, String... categories) {
        return article(id, language, title, body, List.of(categories), List.of(), List.of());
    }

    /** A fresh index holding every fixture article. */
    static KbIndex index() {
        var index = new KbIndex(3.0f);
        all().forEach(a -> index.apply(KbRevision.of(a)));
        return index;
    }

    static List<KbArticle> all() {
        return List.of(
                article("en-refund", "en", "Refund policy",
                        "Money comes back to the card you used within five working days.", "billing"),
                article("en-payment", "en", "Payment methods",
                        "We accept cards and bank transfers; a refund goes back to the same method.", "billing"),
                article("en-password", "en", "Reset your password",
                        "Open the login page and choose forgot password. We send a link to your email address.",
                        "account"),
                article("en-delivery", "en", "Track your delivery",
                        "Every parcel has a tracking number. The courier updates its status daily.",
                        List.of("shipping"), List.of("parcel tracking"), List.of(Channel.CHAT)),
                article("en-wifi", "en", "Router lights",
                        "A blinking light means the router restarts.", List.of("technical"),
                        List.of("wifi"), List.of()),
                article("de-rechnung", "de", "Rechnung herunterladen",
                        "Ihre Rechnung finden Sie im Kundenkonto unter Dokumente.", "billing"),
                article("de-passwort", "de", "Passwort zurücksetzen",
                        "Klicken Sie auf der Anmeldeseite auf Passwort vergessen.", "account"),
                article("fr-remboursement", "fr", "Remboursement",
                        "Le remboursement est versé sur votre carte bancaire.", "billing"),
                article("sv-aterbetalning", "sv", "Återbetalning",
                        "Pengarna kommer tillbaka till ditt kort.", "billing"),
                new KbArticle("en-draft", "Refund draft", "An unpublished refund draft.", "en",
                        List.of("billing"), List.of(), List.of(), false, 1, AT));
    }
}
