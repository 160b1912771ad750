package io.tierline.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tierline.embedded.SharedInfra;
import io.tierline.embedded.TierlineTestInfra;
import io.tierline.events.Topics;
import io.tierline.intake.TestGateway;
import io.tierline.intake.store.ContactStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever body a gateway throws at {@code POST /contacts} (random bytes, truncated or mistyped JSON,
 * wrong fields, wrong content types, oversize), intake never answers 5xx, and a rejected body leaves nothing
 * behind: no stored contact and no record on {@code contacts.received}. Bodies come from a seeded generator
 * (the seed is in every failure message; set {@code -Dtierline.fuzz.seed=...} to replay a run).
 */
@QuarkusTest
@QuarkusTestResource(TierlineTestInfra.class)
class RandomBodiesTest {

    private static final int BODIES = 250;
    private static final Set<Integer> ALLOWED = Set.of(202, 400, 413, 415);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ContactStore store;
    @TestHTTPResource("/contacts")
    URI contacts;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noBodyCausesA5xxAndNoRejectedBodyLeavesAContactOrARecord() throws Exception {
        long seed = Long.getLong("tierline.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        long before = endOffsets();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < BODIES; i++) {
            String key = "fuzz-" + UUID.randomUUID();
            Generated body = generate(random);
            var request = HttpRequest.newBuilder(contacts).header("Idempotency-Key", key)
                    .header(TestGateway.HEADER, TestGateway.KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            if (body.contentType() != null) {
                request.header("Content-Type", body.contentType());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String context = "seed " + seed + ", body " + i + " (" + body.kind() + "): "
                    + abbreviate(new String(body.bytes(), StandardCharsets.UTF_8)) + " -> " + response.statusCode()
                    + " " + abbreviate(response.body());
            assertTrue(ALLOWED.contains(response.statusCode()), context);
            if (response.statusCode() == 202) {
                accepted++;
                assertTrue(store.findByIdempotencyKey(key).isPresent(), "accepted and stored: " + context);
            } else {
                rejected++;
                assertTrue(response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json"), context);
                assertTrue(store.findByIdempotencyKey(key).isEmpty(), "rejected, nothing stored: " + context);
            }
        }
        assertTrue(rejected > BODIES / 2, "the generator mostly makes bad bodies (seed " + seed + ")");
        assertTrue(accepted > 0, "and some good ones (seed " + seed + ")");
        assertEquals(accepted, endOffsets() - before,
                "one ContactReceived per accepted body and no record for a rejected one (seed " + seed + ")");
    }

    record Generated(String kind, String contentType, byte[] bytes) {
    }

    private static Generated generate(Random random) throws Exception {
        int kind = random.nextInt(100);
        if (kind < 15) {
            return json("valid", valid(random));
        }
        if (kind < 50) {
            Map<String, Object> body = valid(random);
            String field = mutate(body, random);
            return json("mutated " + field, body);
        }
        if (kind < 60) {
            byte[] whole = JSON.writeValueAsBytes(valid(random));
            return new Generated("truncated", "application/json",
                    java.util.Arrays.copyOf(whole, random.nextInt(whole.length)));
        }
        if (kind < 70) {
            byte[] noise = new byte[random.nextInt(300)];
            random.nextBytes(noise);
            return new Generated("random bytes", "application/json", noise);
        }
        if (kind < 78) {
            String[] scalars = {"[]", "\"x\"", "42", "null", "{}", "true", "[{}]", "{\"channel\":[]}", "\"\"", "{{}}",
                    "{\"customer\":{\"id\":{}}}", "1e999999", "{\"message\":\"\\ud800\"}"};
            return new Generated("scalar", "application/json",
                    scalars[random.nextInt(scalars.length)].getBytes(StandardCharsets.UTF_8));
        }
        if (kind < 83) {
            int depth = 50 + random.nextInt(3000);
            String nested = "{\"attributes\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            return new Generated("deep nesting " + depth, "application/json", nested.getBytes(StandardCharsets.UTF_8));
        }
        if (kind < 93) {
            String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/octet-stream", "text/json-ish"};
            return new Generated("content type", types[random.nextInt(types.length)],
                    JSON.writeValueAsBytes(valid(random)));
        }
        if (kind < 96) {
            var body = valid(random);
            body.put("channel", "CHAT");
            body.remove("email");
            body.put("chat", Map.of("transcript", "z".repeat(530 * 1024 + random.nextInt(1024))));
            return json("oversize", body);
        }
        byte[] invalidUtf8 = ("{\"channel\":\"CHAT\",\"customer\":{\"id\":\"c\"},\"message\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(invalidUtf8, invalidUtf8.length + 4);
        bytes[invalidUtf8.length] = (byte) 0xC3;
        bytes[invalidUtf8.length + 1] = (byte) 0x28;
        bytes[invalidUtf8.length + 2] = '"';
        bytes[invalidUtf8.length + 3] = '}';
        return new Generated("invalid utf-8", "application/json", bytes);
    }

    private static Generated json(String kind, Object body) throws Exception {
        return new Generated(kind, "application/json", JSON.writeValueAsBytes(body));
    }

    private static Map<String, Object> valid(Random random) {
        Map<String, Object> body = ContactBodies.email("fuzz-cust-" + random.nextInt(1_000_000));
        body.put("message", "Fuzz " + random.nextInt() + ": the invoice is wrong");
        return body;
    }

    private static final String[] FIELDS = {"channel", "customer", "customer.id", "customer.email",
            "customer.segment", "customer.name", "language", "subject", "message", "category", "priority",
            "gatewayRef", "attributes", "email", "email.from", "email.messageId", "phone", "chat", "unknownField"};

    @SuppressWarnings("unchecked")
    private static String mutate(Map<String, Object> body, Random random) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        Map<String, Object> target = body;
        String name = field;
        if (field.contains(".")) {
            String[] parts = field.split("\\.");
            target = new LinkedHashMap<>((Map<String, Object>) body.get(parts[0]));
            body.put(parts[0], target);
            name = parts[1];
        }
        if (random.nextInt(5) == 0) {
            target.remove(name);
            return field + " removed";
        }
        target.put(name, randomValue(random, 0));
        return field;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 2 ? 8 : 11)) {
            case 0: return null;
            case 1: return random.nextBoolean();
            case 2: return random.nextLong();
            case 3: return random.nextDouble() * 1e300;
            case 4: return "";
            case 5: return randomString(random, random.nextInt(40));
            case 6: return randomString(random, 100 + random.nextInt(25_000));
            case 7: return new String[] {"PHONE", "CHAT", "EMAIL", "SMS", "SOCIAL", "VIP", "URGENT", "FAX", "en",
                    "pt-BR", "not an email", "a@b.c"}[random.nextInt(12)];
            case 8: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(randomString(random, 1 + random.nextInt(8)), randomValue(random, depth + 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random random, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                sb.append((char) ('a' + random.nextInt(26)));
            } else if (pick < 8) {
                sb.append(" \n\t\"\\{}[]<>&%$#@!'".charAt(random.nextInt(18)));
            } else {
                sb.appendCodePoint(0x00A0 + random.nextInt(0x2FFF));
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }

    /** The sum of the end offsets of {@code contacts.received}: how many records it ever got. */
    private static long endOffsets() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fuzz-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.CONTACTS_RECEIVED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
