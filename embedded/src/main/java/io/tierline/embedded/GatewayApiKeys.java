package io.tierline.embedded;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gateway API keys for a test run or a benchmark: a fresh random key (never a committed one), and the intake
 * configuration that accepts it on every channel, which carries only the key's SHA-256.
 */
public final class GatewayApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GatewayApiKeys() {
    }

    public static String newKey() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** System properties for intake: gateway {@code name} with {@code key}, allowed on every channel. */
    public static Map<String, String> intakeProperties(String name, String key) {
        return Map.of("tierline.intake.gateways." + name + ".key-sha256", sha256Hex(key),
                "tierline.intake.gateways." + name + ".channels", "PHONE,CHAT,EMAIL,SMS,SOCIAL");
    }
}
