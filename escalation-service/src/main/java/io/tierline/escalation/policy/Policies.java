package io.tierline.escalation.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.mongodb.client.MongoClient;
import io.quarkus.runtime.StartupEvent;
import io.tierline.escalation.config.EscalationConfig;
import io.tierline.escalation.store.PolicyStore;
import io.tierline.escalation.store.PolicyStore.StoredPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The tier policy in effect: the highest stored version. When the store holds none, the shipped default
 * document ({@code policy/default-policy.yaml}, with the configured tier queues and pick-up targets) is stored
 * as version 1. A new document takes effect only once it is fully valid.
 */
@ApplicationScoped
public class Policies {

    private static final Logger LOG = Logger.getLogger(Policies.class);
    static final String DEFAULT_RESOURCE = "policy/default-policy.yaml";
    /** Who stored version 1 when the store held no policy. */
    static final PolicyStore.Change SHIPPED = new PolicyStore.Change("tierline",
            "the shipped default policy (the store held none)");

    private final PolicyStore store;
    private final TierPolicy shipped;
    private final Clock clock;

    Policies(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            EscalationConfig config, Clock clock) {
        this.store = new PolicyStore(client, database, new ObjectMapper());
        this.shipped = shippedDefault(config.queues().tier2(), config.pickupTarget().tier2().toString(),
                config.queues().tier3(), config.pickupTarget().tier3().toString());
        this.clock = clock;
    }

    /** The shipped default over the given tier queues and pick-up targets; invalid values stop the start. */
    public static TierPolicy shippedDefault(String tier2Queue, String tier2Pickup, String tier3Queue,
            String tier3Pickup) {
        String text;
        try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var values = new java.util.HashMap<String, String>();
        values.put("tier2.queue", tier2Queue);
        values.put("tier2.pickup-target", tier2Pickup);
        values.put("tier3.queue", tier3Queue);
        values.put("tier3.pickup-target", tier3Pickup);
        JsonNode document = PolicyDocument.template(text, values, new YAMLMapper());
        try {
            return PolicyDocument.read(document, "1");
        } catch (InvalidPolicyException e) {
            throw new IllegalStateException("the default policy with the configured tier queues and pick-up"
                    + " targets is invalid: " + e.violations(), e);
        }
    }

    void seed(@Observes StartupEvent event) {
        store.seed(shipped, SHIPPED, clock.instant());
    }

    /** The policy in effect now. */
    public StoredPolicy active() {
        return store.active().orElseGet(() -> {
            store.seed(shipped, SHIPPED, clock.instant());
            return store.active().orElseThrow();
        });
    }

    public Optional<StoredPolicy> version(int number) {
        return store.version(number);
    }

    /** The stored versions, newest (the one in effect) first. */
    public List<PolicyStore.VersionSummary> versions(int limit) {
        return store.versions(limit);
    }

    /**
     * Validates a document fully and stores it as the next version, which takes effect at once.
     *
     * @throws InvalidPolicyException and nothing changes
     */
    public StoredPolicy replace(JsonNode document, PolicyStore.Change change) {
        TierPolicy validated = PolicyDocument.read(document, "pending");
        StoredPolicy stored = store.store(validated, change, clock.instant());
        LOG.infof("tier policy version %d is in effect (%d rules), stored by %s", stored.number(),
                stored.policy().rules().size(), change.author());
        return stored;
    }
}
