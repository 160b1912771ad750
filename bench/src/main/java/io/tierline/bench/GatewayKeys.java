package io.tierline.bench;

import java.util.Map;

/**
 * How a gateway API key is handed to intake: its SHA-256 as the configuration of one gateway allowed on every
 * channel (see intake-service/README.md). The hash is not a secret; the key stays in this process.
 */
final class GatewayKeys {

    private GatewayKeys() {
    }

    static Map<String, String> intakeProperties(String key) throws Exception {
        return Map.of("tierline.intake.gateways.bench.key-sha256", BenchStack.sha256(key),
                "tierline.intake.gateways.bench.channels", "PHONE,CHAT,EMAIL,SMS,SOCIAL");
    }
}
