package io.tierline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigMappingKeysTest {

    @Test
    void groupsMapsRenamesAndOptionalsBecomeKeys() {
        assertEquals(Set.of("sample.publish-timeout", "sample.renamed-key", "sample.engineering.signing-secret",
                        "sample.gateways.<name>.key-sha256", "sample.offer-timeout.<name>"),
                ConfigMappingKeys.under(DeployPaths.fixture("config-mapping").resolve("src")));
    }
}
