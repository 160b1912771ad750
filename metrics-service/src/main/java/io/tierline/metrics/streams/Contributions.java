package io.tierline.metrics.streams;

import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactEscalated;
import io.tierline.events.ContactResolved;
import io.tierline.events.OfferAccepted;
import io.tierline.events.QualityEvaluated;
import io.tierline.events.SurveySubmitted;
import io.tierline.events.TierlineEvent;
import io.tierline.events.WrapUpEnded;
import io.tierline.metrics.kpi.Csat;
import io.tierline.metrics.kpi.Ratio;
import io.tierline.metrics.kpi.ServiceLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Events to KPI contributions, per KPIS.md: which event feeds which KPI, with which measure, in which
 * dimensions. Plain Java; events no KPI reads give no contributions.
 */
public final class Contributions {

    private static final Logger LOG = Logger.getLogger(Contributions.class);

    public static final String ALL = "all";

    private final ServiceLevel serviceLevel;

    public Contributions(ServiceLevel serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    public List<Contribution> of(TierlineEvent event) {
        List<Contribution> out = new ArrayList<>();
        if (event instanceof ContactResolved e) {
            ratio(out, Kpis.FCR, Ratio.of(e.firstContactResolution()), dimensions(e.queueId(), e.channel(), e.tier(),
                    e.agentId()));
            ratio(out, Kpis.ESCALATION, Ratio.MISS, dimensions(null, e.channel(), e.tier()));
        } else if (event instanceof WrapUpEnded e) {
            if (e.talkMillis() < 0 || e.holdMillis() < 0 || e.wrapUpMillis() < 0) {
                skip(e, "has a negative handle-time part");
            } else {
                duration(out, Kpis.AHT, e.handleMillis(), dimensions(e.queueId(), e.channel(), e.tier(), e.agentId()));
            }
        } else if (event instanceof OfferAccepted e) {
            Long wait = wait(e.queuedAt(), e.occurredAt());
            if (wait == null) {
                skip(e, "has no queuedAt before its occurredAt: not in ASA and service level");
            } else {
                duration(out, Kpis.ASA, wait, dimensions(e.queueId(), e.channel(), e.tier(), e.agentId()));
                ratio(out, Kpis.SERVICE_LEVEL, serviceLevel.answered(wait), dimensions(null, e.channel(), null));
            }
            ratio(out, Kpis.ABANDONMENT, Ratio.MISS, dimensions(null, e.channel(), null));
        } else if (event instanceof ContactAbandoned e) {
            ratio(out, Kpis.ABANDONMENT, Ratio.HIT, dimensions(null, e.channel(), null));
            Long wait = wait(e.receivedAt(), e.occurredAt());
            if (wait == null) {
                skip(e, "has no receivedAt before its occurredAt: not in the service level");
            } else {
                Ratio sl = serviceLevel.abandoned(wait);
                if (sl.denominator() > 0) {
                    ratio(out, Kpis.SERVICE_LEVEL, sl, dimensions(null, e.channel(), null));
                }
            }
        } else if (event instanceof ContactEscalated e) {
            ratio(out, Kpis.ESCALATION, Ratio.HIT, dimensions(null, e.channel(), e.fromTier()));
        } else if (event instanceof SurveySubmitted e) {
            if (Csat.validScore(e.score())) {
                for (String dimension : dimensions(null, e.channel(), null)) {
                    out.add(new Contribution(Contribution.key(Kpis.CSAT, dimension), e.score() >= 4 ? 1 : 0, 1,
                            null, e.score()));
                }
            } else {
                skip(e, "has a score outside 1..5");
            }
        } else if (event instanceof QualityEvaluated e) {
            if (e.score() >= 0 && e.score() <= 100) {
                for (String dimension : dimensions(e.queueId(), null, e.tier(), e.agentId())) {
                    out.add(new Contribution(Contribution.key(Kpis.QA, dimension), 0, 1, null, e.score()));
                }
            } else {
                skip(e, "has a score outside 0..100");
            }
        }
        // every other event is read by no KPI yet
        return out;
    }

    /** all, then queue, channel, tier and agent where the event carries them. */
    static List<String> dimensions(String queueId, Channel channel, Integer tier, String agentId) {
        List<String> dimensions = dimensions(queueId, channel, tier);
        if (agentId != null && !agentId.isBlank()) {
            dimensions.add("agent=" + agentId);
        }
        return dimensions;
    }

    /** all, then queue, channel and tier where the event carries them (tier 0 or less: none). */
    static List<String> dimensions(String queueId, Channel channel, Integer tier) {
        List<String> dimensions = new ArrayList<>(4);
        dimensions.add(ALL);
        if (queueId != null && !queueId.isBlank()) {
            dimensions.add("queue=" + queueId);
        }
        if (channel != null) {
            dimensions.add("channel=" + channel.name());
        }
        if (tier != null && tier > 0) {
            dimensions.add("tier=" + tier);
        }
        return dimensions;
    }

    private static void ratio(List<Contribution> out, String kpi, Ratio ratio, List<String> dimensions) {
        for (String dimension : dimensions) {
            out.add(new Contribution(Contribution.key(kpi, dimension), ratio.numerator(), ratio.denominator(), null, 0));
        }
    }

    private static void duration(List<Contribution> out, String kpi, long millis, List<String> dimensions) {
        for (String dimension : dimensions) {
            out.add(new Contribution(Contribution.key(kpi, dimension), 0, 0, millis, 0));
        }
    }

    private static Long wait(Instant from, Instant to) {
        if (from == null || to == null || from.isAfter(to)) {
            return null;
        }
        return Duration.between(from, to).toMillis();
    }

    private static void skip(TierlineEvent e, String why) {
        LOG.warnf("%s %s %s; not counted", e.typeName(), e.eventId(), why);
    }
}
