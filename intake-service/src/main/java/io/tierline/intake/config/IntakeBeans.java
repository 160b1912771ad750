package io.tierline.intake.config;

import io.tierline.intake.ContactClassifier;
import io.tierline.intake.classification.ClassificationRulesSource;
import io.tierline.intake.classification.LanguageDetector;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the plain-Java domain classes from the settings. */
public class IntakeBeans {

    @Produces
    @Singleton
    ContactClassifier classifier(IntakeConfig config, ClassificationRulesSource rules) {
        return new ContactClassifier(rules::current, config.defaultCategory(), config.defaultLanguage(),
                new LanguageDetector());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
