package io.tierline.intake;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The test gateways of the %test profile (test keys, not credentials) and requests that carry a key. */
public final class TestGateway {

    /** Allowed on every channel. */
    public static final String KEY = "tierline-test-gateway-key";
    /** Allowed on PHONE only. */
    public static final String PHONE_ONLY_KEY = "tierline-test-phone-only-key";
    public static final String HEADER = "X-Api-Key";

    private TestGateway() {
    }

    /** A request of the gateway allowed on every channel. */
    public static RequestSpecification given() {
        return RestAssured.given().header(HEADER, KEY);
    }
}
