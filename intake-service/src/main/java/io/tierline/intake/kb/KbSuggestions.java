package io.tierline.intake.kb;

import io.tierline.intake.Contact;
import io.tierline.intake.ContactContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Self-service suggestions for a contact: matched from its subject and message, in its language, in its
 * category when it was classified into one (not the default category), for its channel. Never fails the
 * contact: a failing search gives no suggestions.
 */
@ApplicationScoped
public class KbSuggestions {

    private static final Logger LOG = Logger.getLogger(KbSuggestions.class);

    private final KbSuggester suggester;
    private final String defaultCategory;

    public KbSuggestions(KbSuggester suggester,
            @ConfigProperty(name = "tierline.intake.default-category", defaultValue = "general") String defaultCategory) {
        this.suggester = suggester;
        this.defaultCategory = defaultCategory;
    }

    public List<KbHit> forContact(Contact contact) {
        try {
            ContactContent content = contact.content();
            String category = contact.category() == null || contact.category().equalsIgnoreCase(defaultCategory)
                    ? null : contact.category();
            return suggester.suggest(content.subject(), content.message(), primaryLanguage(content.language()),
                    category, content.channel());
        } catch (RuntimeException e) {
            // The exception's class only: its message might quote the customer's text.
            LOG.warnf("no suggestions for contact %s: the knowledge-base search failed (%s)", contact.contactId(),
                    e.getClass().getName());
            return List.of();
        }
    }

    /** {@code pt-BR} -> {@code pt}; null stays null (every language). */
    static String primaryLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
