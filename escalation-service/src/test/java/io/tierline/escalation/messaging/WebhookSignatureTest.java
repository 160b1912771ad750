package io.tierline.escalation.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void isHmacSha256AsLowerCaseHex() {
        // RFC 4231, test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void signsTheTimestampAndTheBodyTogether() {
        String body = "{\"handoffId\":\"h-1\"}";
        String signature = WebhookSignature.sign("s3cret", 1_700_000_000L, body);

        assertEquals("sha256=" + WebhookSignature.hmacHex("s3cret", "1700000000." + body), signature);
        assertNotEquals(signature, WebhookSignature.sign("s3cret", 1_700_000_001L, body), "another time");
        assertNotEquals(signature, WebhookSignature.sign("s3cret", 1_700_000_000L, body + " "), "another body");
        assertNotEquals(signature, WebhookSignature.sign("other", 1_700_000_000L, body), "another secret");
    }
}
