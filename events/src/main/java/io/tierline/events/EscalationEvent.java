package io.tierline.events;

/** Events on {@link Topics#CONTACTS_ESCALATED}, written by escalation and keyed by contactId. */
public sealed interface EscalationEvent extends TierlineEvent permits ContactEscalated, CaseSlaBreached {
    String contactId();

    @Override
    default String key() {
        return contactId();
    }
}
