package io.tierline.events;

import java.util.List;

/**
 * The topic catalogue: every Kafka topic Tierline writes, with its single writing service.
 * Code, tests and deployment manifests use these constants; no topic name is spelled anywhere else.
 */
public final class Topics {

    /** intake: new contacts, further messages, deflections, abandons, surveys ({@link ContactEvent}). Keyed by contactId. */
    public static final String CONTACTS_RECEIVED = "contacts.received";
    /** routing: the contact's life in routing ({@link AssignmentEvent}). Keyed by contactId. */
    public static final String CONTACTS_ASSIGNMENTS = "contacts.assignments";
    /** routing: contacts an agent could not resolve. Keyed by contactId. */
    public static final String CONTACTS_UNRESOLVED = "contacts.unresolved";
    /** routing: contacts resolved, with handle-time parts. Keyed by contactId. */
    public static final String CONTACTS_RESOLVED = "contacts.resolved";
    /** escalation: promotions to a tier and queue with the case, and case SLA breaches ({@link EscalationEvent}). Keyed by contactId. */
    public static final String CONTACTS_ESCALATED = "contacts.escalated";
    /** routing: agent status changes. Keyed by agentId. */
    public static final String AGENTS_PRESENCE = "agents.presence";
    /** escalation: status updates for the customer. Keyed by contactId. */
    public static final String CUSTOMERS_NOTIFICATIONS = "customers.notifications";
    /** metrics: QA evaluations posted by supervisors. Keyed by contactId. */
    public static final String CONTACTS_EVALUATIONS = "contacts.evaluations";

    /** metrics: KPI windows, keyed by kpi, dimension and window. */
    public static final String KPI_FCR = "kpi.fcr";
    public static final String KPI_AHT = "kpi.aht";
    public static final String KPI_ASA = "kpi.asa";
    public static final String KPI_SERVICE_LEVEL = "kpi.service-level";
    public static final String KPI_ABANDONMENT = "kpi.abandonment";
    public static final String KPI_ESCALATION = "kpi.escalation";
    public static final String KPI_CSAT = "kpi.csat";
    public static final String KPI_OCCUPANCY = "kpi.occupancy";

    /** Services that consume and therefore own a dead-letter topic. */
    public static final List<String> CONSUMING_SERVICES = List.of("intake", "routing", "escalation", "metrics");

    public static final List<String> EVENT_TOPICS = List.of(
            CONTACTS_RECEIVED, CONTACTS_ASSIGNMENTS, CONTACTS_UNRESOLVED, CONTACTS_RESOLVED,
            CONTACTS_ESCALATED, AGENTS_PRESENCE, CUSTOMERS_NOTIFICATIONS, CONTACTS_EVALUATIONS);

    public static final List<String> KPI_TOPICS = List.of(
            KPI_FCR, KPI_AHT, KPI_ASA, KPI_SERVICE_LEVEL, KPI_ABANDONMENT, KPI_ESCALATION, KPI_CSAT, KPI_OCCUPANCY);

    private Topics() {
    }

    /** The one service that writes each topic (dead-letter topics: the service they are named after). */
    public static String writerOf(String topic) {
        if (topic.endsWith(".dlq")) {
            return topic.substring(0, topic.length() - ".dlq".length());
        }
        if (KPI_TOPICS.contains(topic) || CONTACTS_EVALUATIONS.equals(topic)) {
            return "metrics";
        }
        return switch (topic) {
            case CONTACTS_RECEIVED -> "intake";
            case CONTACTS_ASSIGNMENTS, CONTACTS_UNRESOLVED, CONTACTS_RESOLVED, AGENTS_PRESENCE -> "routing";
            case CONTACTS_ESCALATED, CUSTOMERS_NOTIFICATIONS -> "escalation";
            default -> throw new IllegalArgumentException("not in the catalogue: " + topic);
        };
    }

    /** The dead-letter topic of a consuming service, e.g. {@code routing.dlq}. */
    public static String dlq(String service) {
        return service + ".dlq";
    }

    /** Every topic in the catalogue, dead-letter topics included. */
    public static List<String> all() {
        var all = new java.util.ArrayList<String>(EVENT_TOPICS);
        all.addAll(KPI_TOPICS);
        CONSUMING_SERVICES.forEach(s -> all.add(dlq(s)));
        return List.copyOf(all);
    }
}
