package io.tierline.intake.classification;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.tierline.intake.config.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The classification rules in effect. Loaded on start from {@code tierline.intake.classification.rules-file}
 * (or the document shipped in the jar), and re-read by a scheduled check whenever the file's content changes.
 * A document that fails validation never takes effect: the previous rules stay and the rejection is kept (and
 * shown by {@code GET /classification-rules}) with the message naming the rule.
 */
@ApplicationScoped
@Startup
public class ClassificationRulesSource {

    public static final String SHIPPED = "classification-rules.json";
    private static final Logger LOG = Logger.getLogger(ClassificationRulesSource.class);

    /** The rules in effect, where they came from, the content's SHA-256 and when they took effect. */
    public record Active(ClassificationRules rules, String source, String sha256, Instant loadedAt) {
    }

    /** A document that was refused, and why. */
    public record Rejection(String source, String sha256, String message, Instant at) {
    }

    private final Path file;
    private final Clock clock;
    private final AtomicReference<Active> active = new AtomicReference<>();
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();

    @Inject
    public ClassificationRulesSource(IntakeConfig config, Clock clock) {
        this(config.classification().rulesFile().filter(p -> !p.isBlank()).map(p -> Path.of(p)), clock);
    }

    /** @param file the rules file, or empty for the document shipped in the jar */
    public ClassificationRulesSource(Optional<Path> rulesFile, Clock clock) {
        this.file = rulesFile.orElse(null);
        this.clock = clock;
        if (file == null) {
            active.set(load("classpath:" + SHIPPED, shipped()));
        } else {
            try {
                active.set(load(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | InvalidRulesException e) {
                // Nothing to fall back to but the shipped rules: start with them and say why.
                reject(file.toString(), null, e.getMessage());
                active.set(load("classpath:" + SHIPPED, shipped()));
            }
        }
    }

    public ClassificationRules current() {
        return active.get().rules();
    }

    public Active active() {
        return active.get();
    }

    /** The last document refused (null if none was, or a later one took effect). */
    public Rejection lastRejection() {
        return lastRejection.get();
    }

    @Scheduled(identity = "reload-classification-rules",
            every = "${tierline.intake.classification.reload-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        reloadIfChanged();
    }

    /**
     * Re-reads the rules file and lets it take effect if its content changed and it is valid.
     *
     * @return true when new rules took effect
     */
    public synchronized boolean reloadIfChanged() {
        if (file == null) {
            return false;
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (lastRejection.get() == null || !"unreadable".equals(lastRejection.get().sha256())) {
                reject(file.toString(), "unreadable", "cannot read the rules file: " + e.getMessage());
            }
            return false;
        }
        String hash = sha256(json);
        Rejection rejected = lastRejection.get();
        if (hash.equals(active.get().sha256()) || (rejected != null && hash.equals(rejected.sha256()))) {
            return false;
        }
        try {
            Active next = load(file.toString(), json);
            active.set(next);
            lastRejection.set(null);
            return true;
        } catch (InvalidRulesException e) {
            reject(file.toString(), hash, e.getMessage());
            return false;
        }
    }

    private Active load(String source, String json) {
        ClassificationRules rules = ClassificationRulesParser.parse(json);
        var loaded = new Active(rules, source, sha256(json), clock.instant());
        LOG.infof("classification rules '%s' from %s in effect: %d category rule(s), %d priority rule(s)",
                rules.version(), source, rules.categories().size(), rules.priorities().size());
        return loaded;
    }

    private void reject(String source, String hash, String message) {
        lastRejection.set(new Rejection(source, hash, message, clock.instant()));
        LOG.errorf("classification rules from %s refused, the previous rules stay: %s", source, message);
    }

    private static String shipped() {
        try (InputStream in = ClassificationRulesSource.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
