package io.tierline.events;

/** CloudEvents 1.0 attributes as Kafka headers (binary content mode, Kafka protocol binding). */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";
    /** ce_type is this prefix plus the event's type name, e.g. {@code io.tierline.ContactReceived}. */
    public static final String TYPE_PREFIX = "io.tierline.";

    private CloudEventHeaders() {
    }
}
