package io.tierline.events;

/** Events on {@link Topics#CONTACTS_RECEIVED}, written by intake and keyed by contactId. */
public sealed interface ContactEvent extends TierlineEvent permits ContactReceived, ContactDeflected, ContactAbandoned,
        SurveySubmitted, ContactMessageAdded {
    String contactId();

    @Override
    default String key() {
        return contactId();
    }
}
