package io.tierline.metrics;

import io.tierline.events.Channel;

/**
 * Which facts a KPI covers; a null part does not filter. No personal data: queue ids, channels and tiers only.
 *
 * @param queueId the queue the contact was handled in
 * @param channel the contact's channel
 * @param tier    the tier (1..3) it was handled at
 */
public record KpiFilter(String queueId, Channel channel, Integer tier) {

    public static final KpiFilter ALL = new KpiFilter(null, null, null);

    /** The KPI topics' dimension: {@code all} for no filter, else e.g. {@code queue=l1-chat,tier=1}. */
    public String dimension() {
        var sb = new StringBuilder();
        append(sb, "queue", queueId);
        append(sb, "channel", channel);
        append(sb, "tier", tier);
        return sb.length() == 0 ? "all" : sb.toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.length() == 0 ? "" : ",").append(name).append('=').append(value);
        }
    }
}
