package io.tierline.simulator;

import io.tierline.events.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code POST /contacts} body a channel gateway would send for an arrival: the customer, a subject and
 * message in the arrival's language about its category, and the channel's own details. Personal data is
 * synthetic (example.com addresses, 555 numbers).
 */
final class ContactBodies {

    private static final Map<String, Map<String, List<String>>> TEXTS = Map.of(
            "billing", Map.of(
                    "en", List.of("Charged twice", "I was charged twice for my last invoice and need a refund."),
                    "de", List.of("Doppelte Abbuchung", "Meine letzte Rechnung wurde doppelt abgebucht, bitte um Rückerstattung."),
                    "fr", List.of("Double prélèvement", "Ma dernière facture a été prélevée deux fois, je demande un remboursement.")),
            "technical", Map.of(
                    "en", List.of("App keeps crashing", "The app crashes every time I open the settings page since the update."),
                    "de", List.of("App stürzt ab", "Die App stürzt seit dem Update jedes Mal ab, wenn ich die Einstellungen öffne."),
                    "fr", List.of("L'application plante", "L'application plante chaque fois que j'ouvre les paramètres depuis la mise à jour.")),
            "account", Map.of(
                    "en", List.of("Locked out", "I forgot my password and now I am locked out of my account."),
                    "de", List.of("Konto gesperrt", "Ich habe mein Passwort vergessen und mein Konto ist jetzt gesperrt."),
                    "fr", List.of("Compte bloqué", "J'ai oublié mon mot de passe et mon compte est maintenant bloqué.")),
            "outage", Map.of(
                    "en", List.of("Service down", "The service is down for me, is there an outage in my area?"),
                    "de", List.of("Störung", "Der Dienst funktioniert nicht, gibt es eine Störung in meiner Region?"),
                    "fr", List.of("Panne", "Le service ne fonctionne plus, y a-t-il une panne dans ma région ?")));

    private ContactBodies() {
    }

    static Map<String, Object> of(Arrival a, String run) {
        Map<String, List<String>> byLanguage = TEXTS.getOrDefault(a.category(), TEXTS.get("technical"));
        List<String> text = byLanguage.getOrDefault(a.language(), byLanguage.get("en"));
        String n = a.customerId().substring(a.customerId().lastIndexOf('-') + 1);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", a.customerId());
        customer.put("name", "Customer " + n);
        customer.put("email", "customer" + n + "@example.com");
        customer.put("phone", "+1555" + String.format("%07d", Long.parseLong(n) % 10_000_000));
        customer.put("segment", a.vip() ? "VIP" : "STANDARD");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", a.channel().name());
        body.put("customer", customer);
        body.put("language", a.language());
        body.put("subject", text.get(0));
        body.put("message", text.get(1));
        body.put("category", a.category());
        body.put("gatewayRef", ref(a, run));
        String details = a.channel().name().toLowerCase();
        body.put(details, switch (a.channel()) {
            case PHONE -> Map.of("ani", customer.get("phone"), "dnis", "+18005550100", "ivrPath", "main>" + a.category());
            case EMAIL -> Map.of("from", customer.get("email"), "messageId", "<" + ref(a, run) + "@example.com>");
            case CHAT -> Map.of("sessionId", ref(a, run), "transcript", "customer: " + text.get(1));
            case SMS -> Map.of("from", customer.get("phone"));
            case SOCIAL -> Map.of("network", "example-social", "handle", "@customer" + n);
        });
        return body;
    }

    /**
     * The arrival's gateway reference and idempotency key: the run's id and the arrival's number, so a retry of
     * a post is the same contact and another run (same seed, same traffic) posts new contacts.
     */
    static String ref(Arrival a, String run) {
        return "sim-" + run + "-" + a.index();
    }
}
