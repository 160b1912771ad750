package io.tierline.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A gateway API key made for this test run; intake is configured with its SHA-256 only. */
final class GatewayKey {

    static final String KEY = newKey();

    private GatewayKey() {
    }

    static Map<String, String> intakeProperties() {
        return Map.of("tierline.intake.gateways.system-test.key-sha256", sha256(KEY),
                "tierline.intake.gateways.system-test.channels", "PHONE,CHAT,EMAIL,SMS,SOCIAL");
    }

    private static String newKey() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
