package io.tierline.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSameRequestInAnotherFieldAndEntryOrderHasTheSameFingerprint() throws Exception {
        var a = json.readValue("""
                {"channel":"SMS","customer":{"id":"c1","segment":"VIP"},"message":"hi",
                 "attributes":{"a":"1","b":"2"},"sms":{"from":"+100"}}""", ContactRequest.class);
        var b = json.readValue("""
                {"sms":{"from":"+100"},"attributes":{"b":"2","a":"1"},"message":"hi",
                 "customer":{"segment":"VIP","id":"c1"},"channel":"SMS"}""", ContactRequest.class);
        assertEquals(RequestFingerprint.of(a), RequestFingerprint.of(b));
    }

    @Test
    void anotherMessageHasAnotherFingerprint() throws Exception {
        var a = json.readValue("{\"channel\":\"SMS\",\"customer\":{\"id\":\"c1\"},\"message\":\"hi\"}",
                ContactRequest.class);
        var b = json.readValue("{\"channel\":\"SMS\",\"customer\":{\"id\":\"c1\"},\"message\":\"hi!\"}",
                ContactRequest.class);
        assertNotEquals(RequestFingerprint.of(a), RequestFingerprint.of(b));
        assertEquals(64, RequestFingerprint.of(a).length());
    }
}
