package io.tierline.escalation.messaging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an engineering webhook call: HMAC-SHA256 with the shared secret over
 * {@code <timestamp>.<body>} (the timestamp in epoch seconds, as sent in {@value #TIMESTAMP_HEADER}), sent as
 * {@value #SIGNATURE_HEADER}{@code : sha256=<lower-case hex>}. The receiver recomputes it and may reject old
 * timestamps (replays). Plain Java.
 */
final class WebhookSignature {

    static final String TIMESTAMP_HEADER = "X-Tierline-Timestamp";
    static final String SIGNATURE_HEADER = "X-Tierline-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value for this body sent at {@code epochSeconds}. */
    static String sign(String secret, long epochSeconds, String body) {
        return "sha256=" + hmacHex(secret, epochSeconds + "." + body);
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
