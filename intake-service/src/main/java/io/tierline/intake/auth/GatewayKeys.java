package io.tierline.intake.auth;

import io.tierline.events.Channel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The gateways' API keys, known only by their SHA-256. A presented key is hashed and compared with every
 * configured hash in constant time ({@link MessageDigest#isEqual}), without stopping at a match, so the time
 * taken tells nothing about which or how much of a hash matched.
 */
public final class GatewayKeys {

    private static final HexFormat HEX = HexFormat.of();

    private record Entry(Gateway gateway, byte[] hash) {
    }

    private final List<Entry> entries;
    private final boolean enabled;

    private GatewayKeys(List<Entry> entries, boolean enabled) {
        this.entries = List.copyOf(entries);
        this.enabled = enabled;
    }

    /** One configured gateway: its name, the hex SHA-256 of its key, its channels. */
    public record Configured(String name, String keySha256, Set<Channel> channels) {
    }

    /**
     * Validates the configured gateways.
     *
     * @param enabled whether keys are required at all
     * @throws IllegalArgumentException when keys are required but none is configured, a hash is not 64 hex
     *                                  digits, two gateways share a key, or a gateway has no channel
     */
    public static GatewayKeys of(List<Configured> gateways, boolean enabled) {
        if (enabled && gateways.isEmpty()) {
            throw new IllegalArgumentException("no gateway is configured"
                    + " (tierline.intake.gateways.\"<name>\".key-sha256 and .channels);"
                    + " set tierline.intake.auth.enabled=false to run without API keys");
        }
        var entries = new ArrayList<Entry>();
        for (Configured g : gateways) {
            String hex = g.keySha256() == null ? "" : g.keySha256().trim().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("gateway '" + g.name() + "': key-sha256 must be the 64 hex digits"
                        + " of the key's SHA-256");
            }
            if (g.channels() == null || g.channels().isEmpty()) {
                throw new IllegalArgumentException("gateway '" + g.name()
                        + "': channels must name at least one channel");
            }
            byte[] hash = HEX.parseHex(hex);
            if (entries.stream().anyMatch(e -> MessageDigest.isEqual(e.hash(), hash))) {
                throw new IllegalArgumentException("gateway '" + g.name() + "' has the key of another gateway");
            }
            entries.add(new Entry(new Gateway(g.name(), g.channels()), hash));
        }
        return new GatewayKeys(entries, enabled);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The gateway whose key this is; any caller when authentication is off; empty for a missing or unknown key. */
    public Optional<Gateway> authenticate(String presentedKey) {
        if (!enabled) {
            return Optional.of(Gateway.unauthenticated());
        }
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        Gateway found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) {
                found = entry.gateway();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The hex SHA-256 of a key, as {@code key-sha256} wants it. */
    public static String sha256Hex(String key) {
        return HEX.formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
