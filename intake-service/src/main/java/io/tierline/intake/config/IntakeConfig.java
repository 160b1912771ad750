package io.tierline.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tierline.events.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code tierline.intake.*} settings (documented in the module README). */
@ConfigMapping(prefix = "tierline.intake")
public interface IntakeConfig {

    /** Language of contacts whose gateway sent none (a BCP 47 tag). */
    @WithDefault("en")
    String defaultLanguage();

    /** Category of contacts whose gateway asked for none. */
    @WithDefault("general")
    String defaultCategory();

    /** How far back an earlier contact of the same customer and category makes a new one a repeat. */
    @WithDefault("P7D")
    Duration repeatWindow();

    /** How long a request waits for the broker to acknowledge its event before answering 503. */
    @WithDefault("PT10S")
    Duration publishTimeout();

    /**
     * The producer's {@code linger.ms} (application.properties hands it to the Kafka channel): each publish
     * waits for its ack, so lingering would only add latency.
     */
    @WithDefault("0")
    int producerLingerMs();

    /** The {@code Retry-After} of a 503: the broker did not acknowledge in time, or intake is overloaded. */
    @WithDefault("PT2S")
    Duration retryAfter();

    /**
     * The largest request body taken (by its Content-Length); larger ones are answered 413. Keep it below
     * {@code quarkus.http.limits.max-body-size}, the server's own hard limit for bodies without a length.
     */
    @WithDefault("512K")
    MemorySize maxBodySize();

    Republish republish();

    /** Admission control of gateway requests. */
    Overload overload();

    /** The self-service (L0) hold of new contacts. */
    SelfService selfService();

    /** Gateway authentication (API keys). */
    Auth auth();

    /** The gateways allowed to post contacts, by name: {@code tierline.intake.gateways."<name>".*}. */
    Map<String, Gateway> gateways();

    Classification classification();

    /** The classification rules document and its hot reload. */
    interface Classification {
        /** A rules file on disk; absent: the document shipped in the jar ({@code classification-rules.json}). */
        Optional<String> rulesFile();

        /** How often the rules file is checked for changes (a scheduler interval; {@code off} disables it). */
        @WithDefault("10s")
        String reloadEvery();
    }

    /**
     * How many gateway requests are processed at once and how many may wait for a slot, for how long; beyond
     * that they are answered 503 at once.
     */
    interface Overload {
        /** Gateway requests in flight at most (from admission until their answer is sent). */
        @WithDefault("64")
        int maxInFlight();

        /** Gateway requests waiting for a slot at most; more are shed at once. */
        @WithDefault("256")
        int maxWaiting();

        /** How long a gateway request may wait for a slot before it is shed. */
        @WithDefault("PT1S")
        Duration maxWait();
    }

    /** The background re-publisher of contacts whose event was never acknowledged. */
    interface Republish {
        /** How often it looks (a scheduler interval such as {@code 15s}; {@code off} disables it). */
        @WithDefault("15s")
        String every();

        /** How long a contact must have been PENDING before it is re-published. */
        @WithDefault("PT30S")
        Duration after();

        /** At most this many contacts per run. */
        @WithDefault("100")
        int batchSize();
    }

    /** How long new contacts are held for self-service before they are published for routing. */
    interface SelfService {
        /** The hold of a contact whose gateway asked for none; {@code PT0S}: not held. */
        @WithDefault("PT0S")
        Duration hold();

        /** The longest hold, whatever the gateway asks for. */
        @WithDefault("PT10M")
        Duration maxHold();
    }

    /** Whether gateway endpoints require an API key. */
    interface Auth {
        /** Off only for local experiments: the service then takes any caller (and warns at startup). */
        @WithDefault("true")
        boolean enabled();
    }

    /** One gateway: the SHA-256 (hex) of its API key and the channels it may post and act on. */
    interface Gateway {
        /** Hex SHA-256 of the key the gateway sends as {@code X-Api-Key}; the key itself is never configured. */
        String keySha256();

        /** The channels this gateway may post contacts on (and act on contacts of). */
        Set<Channel> channels();

        /** Requests a second this gateway may make on average; absent: not limited. */
        Optional<Double> rateLimit();

        /** Requests it may make at once above that rate; absent: one second's worth (at least 1). */
        Optional<Integer> burst();
    }
}
