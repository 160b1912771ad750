package io.tierline.system;

import io.tierline.embedded.GatewayApiKeys;
import java.util.Map;

/** The gateway API key made for this test run; intake is configured with its SHA-256 only. */
final class GatewayKey {

    static final String KEY = GatewayApiKeys.newKey();

    private GatewayKey() {
    }

    static Map<String, String> intakeProperties() {
        return GatewayApiKeys.intakeProperties("system-test", KEY);
    }
}
