package io.tierline.intake.kb;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Wires the plain-Java search core from the settings. */
public class KbBeans {

    @Produces
    @Singleton
    KbIndex index(KbConfig config) {
        return new KbIndex(config.titleBoost());
    }

    void close(@Disposes KbIndex index) throws IOException {
        index.close();
    }

    @Produces
    @Singleton
    KbSuggester suggester(KbIndex index, KbConfig config) {
        return new KbSuggester(index, config.suggestions().limit(), config.suggestions().minScore());
    }
}
