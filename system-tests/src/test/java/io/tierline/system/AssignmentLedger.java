package io.tierline.system;

import io.tierline.events.AssignmentEvent;
import io.tierline.events.ContactOffered;
import io.tierline.events.ContactResolved;
import io.tierline.events.ContactTransferred;
import io.tierline.events.ContactWithdrawn;
import io.tierline.events.EventJson;
import io.tierline.events.OfferAccepted;
import io.tierline.events.OfferDeclined;
import io.tierline.events.OfferTimedOut;
import io.tierline.events.TierlineEvent;
import io.tierline.events.WrapUpEnded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routing's event log as read back from {@code contacts.assignments} and {@code contacts.resolved}, each event
 * once (by eventId), and the checks of the scale test on it.
 * <p>
 * Capacity "at any moment" is replayed per agent as a sweep line: an offer holds capacity from the broker time
 * of its ContactOffered record (never earlier than the reservation, which precedes the publish) until the
 * {@code occurredAt} of the event that released it (never later than the release: OfferDeclined, OfferTimedOut,
 * ContactWithdrawn, ContactTransferred or WrapUpEnded carry a time read before it). The replayed load is
 * therefore never above the true load, so any excess it finds is a real one.
 */
final class AssignmentLedger {

    private record Step(Instant at, int delta) {
    }

    private final Map<String, TierlineEvent> events = new LinkedHashMap<>();
    private final Map<String, Instant> recordTimes = new HashMap<>();

    /** Adds one record's event; a re-published event (same eventId) counts once, at its first record time. */
    synchronized TierlineEvent add(String json, Instant recordTime) {
        TierlineEvent event = EventJson.read(json, TierlineEvent.class);
        if (events.putIfAbsent(event.eventId(), event) == null) {
            recordTimes.put(event.eventId(), recordTime);
            return event;
        }
        return null;
    }

    synchronized <T extends TierlineEvent> List<T> all(Class<T> type) {
        return events.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Contacts (of these) whose number of distinct OfferAccepted is not exactly one, with that number. */
    Map<String, Long> notAssignedExactlyOnce(Collection<String> contacts) {
        Map<String, Long> accepted = all(OfferAccepted.class).stream()
                .collect(Collectors.groupingBy(OfferAccepted::contactId, Collectors.counting()));
        Map<String, Long> wrong = new LinkedHashMap<>();
        for (String contact : contacts) {
            long n = accepted.getOrDefault(contact, 0L);
            if (n != 1) {
                wrong.put(contact, n);
            }
        }
        return wrong;
    }

    /** Contacts (of these) without a ContactResolved. */
    List<String> unresolved(Collection<String> contacts) {
        Set<String> resolved = all(ContactResolved.class).stream().map(ContactResolved::contactId)
                .collect(Collectors.toSet());
        return contacts.stream().filter(c -> !resolved.contains(c)).toList();
    }

    /** Agents whose replayed load on a channel exceeded its capacity at some moment, with the moment. */
    synchronized List<String> overCapacity(Map<String, Map<String, Integer>> capacityByAgent) {
        Map<String, List<Step>> steps = new HashMap<>();
        for (TierlineEvent event : events.values()) {
            if (event instanceof ContactOffered o) {
                steps.computeIfAbsent(o.agentId() + "/" + o.channel(), k -> new ArrayList<>())
                        .add(new Step(recordTimes.get(o.eventId()), +1));
            }
            String released = releasedAgent(event);
            if (released != null) {
                steps.computeIfAbsent(released + "/" + ((AssignmentEvent) event).channel(), k -> new ArrayList<>())
                        .add(new Step(event.occurredAt(), -1));
            }
        }
        List<String> over = new ArrayList<>();
        steps.forEach((agentChannel, list) -> {
            String[] parts = agentChannel.split("/");
            int capacity = capacityByAgent.getOrDefault(parts[0], Map.of()).getOrDefault(parts[1], 0);
            list.sort(Comparator.comparing(Step::at).thenComparingInt(Step::delta));
            int load = 0;
            for (Step step : list) {
                load += step.delta();
                if (load > capacity) {
                    over.add(agentChannel + " had " + load + " > " + capacity + " at " + step.at());
                    return;
                }
            }
        });
        return over;
    }

    /** The agent whose capacity the event released, or null. */
    private static String releasedAgent(TierlineEvent event) {
        if (event instanceof OfferDeclined d) {
            return d.agentId();
        }
        if (event instanceof OfferTimedOut t) {
            return t.agentId();
        }
        if (event instanceof ContactWithdrawn w) {
            return w.agentId();
        }
        if (event instanceof ContactTransferred t) {
            return t.agentId();
        }
        if (event instanceof WrapUpEnded w) {
            return w.agentId();
        }
        return null;
    }
}
