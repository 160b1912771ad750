package io.tierline.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tierline.identity.DevTokens;
import io.tierline.identity.Roles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the services' access tests share: one call to an endpoint with a caller's token (or none), and the check
 * of its answer. A 401 or 403 must be problem+json with that status, and a 401 must challenge for a bearer token.
 */
public final class AccessCheck {

    private AccessCheck() {
    }

    /** Callers without an identity the service compares: none, or one of each role (signed by {@link JvmTokens}). */
    public enum Staff {
        NONE, AGENT, SUPERVISOR, OPS, ADMIN;

        public String token() {
            DevTokens tokens = JvmTokens.get();
            return switch (this) {
                case NONE -> null;
                case AGENT -> tokens.agent("agent-1");
                case SUPERVISOR -> tokens.supervisor("lead-1", "team-1");
                case OPS -> tokens.ops();
                case ADMIN -> tokens.admin();
            };
        }
    }

    /** The kinds of token no service may take: {@code @MethodSource("io.tierline.embedded.AccessCheck#badTokenKinds")}. */
    public static List<String> badTokenKinds() {
        return List.of("expired", "signed by another key", "from another issuer", "with altered claims", "not a JWT");
    }

    /** An admin's token of that kind: the right roles, but expired, forged or altered. */
    public static String badToken(String kind) {
        DevTokens tokens = JvmTokens.get();
        List<String> admin = List.of(Roles.ADMIN);
        return switch (kind) {
            case "expired" -> tokens.issue("tierline-admin", admin, List.of(), Instant.now().minus(Duration.ofHours(3)),
                    Duration.ofHours(1));
            case "signed by another key" -> DevTokens.generate().admin();
            case "from another issuer" -> tokens.issue("someone-else", "tierline-admin", admin, List.of(), Instant.now(),
                    Duration.ofHours(1));
            case "with altered claims" -> promotedToAdmin(tokens.agent("agent-1"));
            case "not a JWT" -> "not-a-jwt";
            default -> throw new IllegalArgumentException("no such kind of token: " + kind);
        };
    }

    /** An agent's token whose roles were changed to admin, keeping the original signature. */
    private static String promotedToAdmin(String agentToken) {
        String[] parts = agentToken.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"agent\"]", "\"groups\":[\"admin\"]");
        if (!claims.contains("\"admin\"")) {
            throw new IllegalStateException("the token's groups claim was not where expected: " + claims);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** An endpoint call: method, path (with its query), JSON body or null, extra headers. */
    public record Call(String method, String path, Object body, Map<String, String> headers) {

        public Call(String method, String path, Object body) {
            this(method, path, body, Map.of());
        }

        public Response send(String token) {
            RequestSpecification spec = token == null ? given() : given().auth().oauth2(token);
            spec.contentType(ContentType.JSON).headers(headers);
            if (body != null) {
                spec.body(body);
            }
            return spec.request(method, path);
        }
    }

    /** Asserts the status; a refusal (401, 403) must be a problem with that status, a 401 with the challenge. */
    public static void assertAnswer(Response response, int expected) {
        assertThat(response.asString(), response.statusCode(), equalTo(expected));
        if (expected == 401 || expected == 403) {
            assertThat("content type", response.contentType(), equalTo("application/problem+json"));
            assertThat("problem status", response.jsonPath().getInt("status"), equalTo(expected));
        }
        if (expected == 401) {
            assertThat("challenge", response.header("WWW-Authenticate"), equalTo("Bearer"));
        }
    }
}
