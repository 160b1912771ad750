package io.tierline.simulator;

import io.tierline.identity.DevTokens;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code Authorization} header of a desktop or of the set-up calls (none without a signing key). The token
 * is minted again after six hours, half its lifetime, so a long local run keeps its desktops signed in.
 */
final class Bearer {

    private static final long RENEW_AFTER_NANOS = java.util.concurrent.TimeUnit.HOURS.toNanos(6);

    private final Supplier<String> mint;
    private volatile Map<String, String> headers;
    private volatile long mintedAt;

    private Bearer(Supplier<String> mint) {
        this.mint = mint;
    }

    static Bearer agent(DevTokens tokens, String agentId) {
        return new Bearer(tokens == null ? null : () -> tokens.agent(agentId));
    }

    static Bearer admin(DevTokens tokens) {
        return new Bearer(tokens == null ? null : tokens::admin);
    }

    Map<String, String> headers() {
        if (mint == null) {
            return Map.of();
        }
        long now = System.nanoTime();
        Map<String, String> current = headers;
        if (current == null || now - mintedAt > RENEW_AFTER_NANOS) {
            current = Map.of("Authorization", "Bearer " + mint.get());
            mintedAt = now;
            headers = current;
        }
        return current;
    }
}
