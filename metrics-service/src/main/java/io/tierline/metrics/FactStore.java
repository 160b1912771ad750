package io.tierline.metrics;

import java.time.Instant;

/**
 * Where the KPI facts are kept. Time ranges are half-open: {@code from <= occurredAt < to}.
 */
public interface FactStore {

    /** Stores the fact once; false when a fact with its eventId is already stored (a redelivery). */
    boolean add(ResolutionFact fact);

    /** Stores the fact once; false when a fact with its eventId is already stored (a redelivery). */
    boolean add(HandlingFact fact);

    /** Contacts resolved by agents in the range. */
    long countResolved(KpiFilter filter, Instant from, Instant to);

    /** Of those, the ones resolved at first contact. */
    long countFirstContactResolved(KpiFilter filter, Instant from, Instant to);

    /** The handle time in milliseconds of every handling completed in the range, in no particular order. */
    long[] handleMillis(KpiFilter filter, Instant from, Instant to);
}
