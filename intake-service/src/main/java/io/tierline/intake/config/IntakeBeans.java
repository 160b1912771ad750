package io.tierline.intake.config;

import io.tierline.intake.ContactClassifier;
import io.tierline.intake.SelfServiceHold;
import io.tierline.intake.classification.ClassificationRulesSource;
import io.tierline.intake.classification.LanguageDetector;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.tierline.intake.auth.GatewayKeys;
import io.tierline.intake.auth.GatewayRateLimits;
import io.tierline.intake.auth.TokenBucket;
import io.tierline.intake.overload.AdmissionControl;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Locale;
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

    /** The gateways' rate limits, for those that have one. */
    @Produces
    @Singleton
    GatewayRateLimits gatewayRateLimits(IntakeConfig config) {
        var buckets = new java.util.HashMap<String, TokenBucket>();
        config.gateways().forEach((name, gateway) -> gateway.rateLimit().ifPresent(rate -> {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("gateway '" + name + "': rate-limit must be above 0");
            }
            int burst = gateway.burst().orElse((int) Math.max(1, Math.ceil(rate)));
            if (burst < 1) {
                throw new IllegalArgumentException("gateway '" + name + "': burst must be at least 1");
            }
            buckets.put(name, new TokenBucket(rate, burst, System::nanoTime));
        }));
        return new GatewayRateLimits(buckets);
    }

    /**
     * The admission control of gateway requests, its waits timed by Vert.x timers, with its meters:
     * {@code tierline.intake.requests.in.flight}, {@code .waiting} and {@code .shed} (by {@code reason}).
     */
    @Produces
    @Singleton
    @Startup
    AdmissionControl admissionControl(IntakeConfig config, Vertx vertx, MeterRegistry meters) {
        var overload = config.overload();
        var admission = new AdmissionControl(overload.maxInFlight(), overload.maxWaiting(), overload.maxWait(),
                (delay, action) -> {
                    long timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
                    return () -> vertx.cancelTimer(timer);
                });
        Gauge.builder("tierline.intake.requests.in.flight", admission, AdmissionControl::inFlight)
                .description("gateway requests holding an admission slot").register(meters);
        Gauge.builder("tierline.intake.requests.waiting", admission, AdmissionControl::waiting)
                .description("gateway requests waiting for an admission slot").register(meters);
        for (AdmissionControl.Shed reason : AdmissionControl.Shed.values()) {
            FunctionCounter.builder("tierline.intake.requests.shed", admission, a -> a.shed(reason))
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("gateway requests answered 503 because intake was at capacity").register(meters);
        }
        return admission;
    }

    /** Builds (and so validates) the gateway keys at startup rather than on the first request. */
    void checkGatewayKeys(@Observes StartupEvent ignored, GatewayKeys keys, GatewayRateLimits limits,
            IntakeConfig config) {
        if (!keys.enabled()) {
            LOG.warn("tierline.intake.auth.enabled=false: gateway endpoints take requests WITHOUT an API key");
        } else {
            LOG.infof("gateway API keys configured for %s", config.gateways().keySet());
        }
    }
}
