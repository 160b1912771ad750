package io.tierline.intake.config;

import io.tierline.intake.ContactClassifier;
import io.tierline.intake.SelfServiceHold;
import io.tierline.intake.classification.ClassificationRulesSource;
import io.tierline.intake.classification.LanguageDetector;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.auth.GatewayKeys;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Wires the plain-Java domain classes from the settings. */
public class IntakeBeans {

    private static final Logger LOG = Logger.getLogger(IntakeBeans.class);

    @Produces
    @Singleton
    ContactClassifier classifier(IntakeConfig config, ClassificationRulesSource rules) {
        return new ContactClassifier(rules::current, config.defaultCategory(), config.defaultLanguage(),
                new LanguageDetector());
    }

    @Produces
    @Singleton
    SelfServiceHold selfServiceHold(IntakeConfig config) {
        return new SelfServiceHold(config.selfService().hold(), config.selfService().maxHold());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The gateways' API keys; refuses to start without any unless authentication is switched off. */
    @Produces
    @Singleton
    GatewayKeys gatewayKeys(IntakeConfig config) {
        var gateways = config.gateways().entrySet().stream()
                .map(e -> new GatewayKeys.Configured(e.getKey(), e.getValue().keySha256(), e.getValue().channels()))
                .toList();
        return GatewayKeys.of(gateways, config.auth().enabled());
    }

    /** Builds (and so validates) the gateway keys at startup rather than on the first request. */
    void checkGatewayKeys(@Observes StartupEvent ignored, GatewayKeys keys, IntakeConfig config) {
        if (!keys.enabled()) {
            LOG.warn("tierline.intake.auth.enabled=false: gateway endpoints take requests WITHOUT an API key");
        } else {
            LOG.infof("gateway API keys configured for %s", config.gateways().keySet());
        }
    }
}
