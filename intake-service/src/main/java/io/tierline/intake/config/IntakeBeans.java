package io.tierline.intake.config;

import io.tierline.intake.ContactClassifier;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the plain-Java domain classes from the settings. */
public class IntakeBeans {

    @Produces
    @Singleton
    ContactClassifier classifier(IntakeConfig config) {
        return new ContactClassifier(config.defaultCategory(), config.defaultLanguage());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
