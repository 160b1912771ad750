package io.tierline.metrics.kpi;

import io.tierline.events.Channel;
import io.tierline.events.ContactAbandoned;
import io.tierline.events.ContactDeflected;
import io.tierline.events.ContactReceived;
import java.time.Instant;
import java.util.Optional;

/**
 * The L0 deflection rate (KPIS.md): contacts deflected over contacts received, both counted at the contact's
 * arrival ({@code receivedAt}), so that a window holds a cohort of arrivals and the share of it that self-service
 * solved. A contact counts once in the denominator, by its {@code ContactReceived}, or, when it never had one (held
 * for self-service and closed while held), by its {@code ContactDeflected} or {@code ContactAbandoned}; it counts
 * once in the numerator, by its first {@code ContactDeflected}, in the windows and dimensions of its arrival.
 * Plain Java: the topology keeps each contact's {@link Arrival} and applies what these methods answer.
 */
public final class Deflections {

    private Deflections() {
    }

    /** What is remembered of a contact: when it arrived, its dimensions, whether it was deflected already. */
    public record Arrival(Instant receivedAt, Channel channel, String category, boolean deflected) {

        public Arrival asDeflected() {
            return new Arrival(receivedAt, channel, category, true);
        }

        /** {@code millis|deflected|channel|category} (the category last: it may hold any character). */
        public String encode() {
            return receivedAt.toEpochMilli() + "|" + (deflected ? 1 : 0) + "|" + (channel == null ? "" : channel.name())
                    + "|" + (category == null ? "" : category);
        }

        public static Arrival decode(String encoded) {
            String[] parts = encoded.split("\\|", 4);
            return new Arrival(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[2].isEmpty() ? null
                    : Channel.valueOf(parts[2]), parts[3].isEmpty() ? null : parts[3], "1".equals(parts[1]));
        }
    }

    /**
     * What one event changes: add {@code numerator}/{@code denominator} at {@code arrival}'s time and dimensions,
     * and remember {@code arrival} (the contact's new state).
     */
    public record Change(Arrival arrival, long numerator, long denominator) {
    }

    /** A contact arrived: one more in the denominator, unless it was counted already. */
    public static Optional<Change> received(Arrival known, ContactReceived e) {
        if (known != null) {
            return Optional.empty();
        }
        return Optional.of(new Change(new Arrival(e.occurredAt(), e.channel(), e.category(), false), 0, 1));
    }

    /**
     * A contact deflected: one more in the numerator at its arrival; also in the denominator when its arrival was
     * not counted (held for self-service: no {@code ContactReceived}). A contact deflected already counts nothing.
     */
    public static Optional<Change> deflected(Arrival known, ContactDeflected e) {
        if (known == null) {
            return Optional.of(new Change(new Arrival(arrivalOf(e.receivedAt(), e.occurredAt()), e.channel(),
                    e.category(), true), 1, 1));
        }
        if (known.deflected()) {
            return Optional.empty();
        }
        return Optional.of(new Change(known.asDeflected(), 1, 0));
    }

    /** A contact abandoned without a counted arrival (held for self-service) arrived all the same: denominator. */
    public static Optional<Change> abandoned(Arrival known, ContactAbandoned e) {
        if (known != null) {
            return Optional.empty();
        }
        return Optional.of(new Change(new Arrival(arrivalOf(e.receivedAt(), e.occurredAt()), e.channel(),
                e.category(), false), 0, 1));
    }

    /** {@code receivedAt}, or the event's own time when it has none or a later one. */
    static Instant arrivalOf(Instant receivedAt, Instant occurredAt) {
        return receivedAt == null || receivedAt.isAfter(occurredAt) ? occurredAt : receivedAt;
    }
}
