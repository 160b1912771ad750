package io.tierline.simulator;

import io.tierline.identity.DevTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The command line: {@code --scenario quiet-day|<file.yaml> --intake URL --routing URL [--duration PT5M]
 * [--seed N] [--summary-json FILE] [--max-in-flight N] [--drain PT1M] [--retry-window PT1M]}: after the arrivals
 * end, {@code --drain} waits (at most that long) until no contact is waiting or being handled; {@code --retry-window}
 * is how long a gateway or desktop repeats a call that found no answer, 5xx or 429; the gateway API key comes from the environment
 * ({@code TIERLINE_GATEWAY_API_KEY}), never from the command line (it would show in the process list). The desktops
 * and the queue set-up call routing with tokens signed by the key in the file {@code TIERLINE_JWT_SIGNING_KEY_FILE}
 * names (the local run's development key: an agent's token per desk, an admin's for the queues and agents).
 */
record Options(String scenario, String intake, String routing, Duration duration, Long seed, String apiKey,
        String summaryJson, int maxInFlight, Duration drain, Duration warmUp, Duration retryWindow, DevTokens tokens) {

    /** How long a gateway or desktop repeats a call that is not answered, or answered 5xx or 429. */
    static final Duration RETRY_WINDOW = Duration.ofMinutes(1);

    static Options parse(String[] args, Map<String, String> env) {
        String scenario = "quiet-day";
        String intake = "http://localhost:8081";
        String routing = "http://localhost:8082";
        Duration duration = null;
        Long seed = null;
        String summary = null;
        int maxInFlight = 512;
        Duration drain = Duration.ZERO;
        Duration warmUp = Duration.ZERO;
        Duration retryWindow = RETRY_WINDOW;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(usage());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + usage());
            }
            String v = args[++i];
            switch (a) {
                case "--scenario" -> scenario = v;
                case "--intake" -> intake = v;
                case "--routing" -> routing = v;
                case "--duration" -> duration = Duration.parse(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--summary-json" -> summary = v;
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(v);
                case "--drain" -> drain = Duration.parse(v);
                case "--warm-up" -> warmUp = Duration.parse(v);
                case "--retry-window" -> retryWindow = Duration.parse(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
            }
        }
        return new Options(scenario, strip(intake), strip(routing), duration, seed,
                env.get("TIERLINE_GATEWAY_API_KEY"), summary, maxInFlight, drain, warmUp, retryWindow,
                tokens(env.get("TIERLINE_JWT_SIGNING_KEY_FILE")));
    }

    private static DevTokens tokens(String keyFile) {
        if (keyFile == null || keyFile.isBlank()) {
            return null;
        }
        try {
            return DevTokens.fromPrivateKeyPem(Files.readString(Path.of(keyFile)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("TIERLINE_JWT_SIGNING_KEY_FILE: cannot read a PKCS#8 RSA key from "
                    + keyFile + ": " + e.getMessage());
        }
    }

    static String usage() {
        return "usage: simulator [--scenario " + String.join("|", ScenarioLoader.SHIPPED) + "|FILE.yaml]"
                + " [--intake URL] [--routing URL] [--duration ISO-8601] [--seed N] [--summary-json FILE]"
                + " [--max-in-flight N] [--drain ISO-8601] [--warm-up ISO-8601] [--retry-window ISO-8601]\n  environment: TIERLINE_GATEWAY_API_KEY (the gateway key intake expects),"
                + " TIERLINE_JWT_SIGNING_KEY_FILE (the PEM key that signs the desktops' and the admin's tokens)";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
