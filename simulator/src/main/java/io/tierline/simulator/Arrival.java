package io.tierline.simulator;

import io.tierline.events.Channel;

/**
 * One customer contact the simulated gateways will post.
 *
 * @param index the arrival's number in the run (0, 1, ...); with the seed, its idempotency key
 * @param atMillis when, in real milliseconds after the run starts
 * @param repeat whether this is the same customer again about an earlier arrival's category
 * @param patienceMillis how long the customer waits for an agent before abandoning
 */
public record Arrival(
        long index,
        long atMillis,
        Channel channel,
        String category,
        String language,
        String customerId,
        boolean vip,
        boolean repeat,
        long patienceMillis) {
}
