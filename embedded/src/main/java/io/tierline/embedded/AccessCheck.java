package io.tierline.embedded;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * What the services' access tests share: one call to an endpoint with a caller's token (or none), and the check
 * of its answer. A 401 or 403 must be problem+json with that status, and a 401 must challenge for a bearer token.
 */
public final class AccessCheck {

    private AccessCheck() {
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
