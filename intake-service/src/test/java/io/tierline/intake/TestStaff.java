package io.tierline.intake;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.tierline.embedded.SharedInfra;
import io.tierline.identity.DevTokens;

/** Requests of staff (admins, agents) with tokens of the test JVM's signer, which the service under test trusts. */
public final class TestStaff {

    public static final DevTokens TOKENS = SharedInfra.get().tokens();
    private static final String ADMIN_TOKEN = TOKENS.admin();

    private TestStaff() {
    }

    /** A request as an admin: knowledge-base editing, classification rules, dead letters. */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(ADMIN_TOKEN);
    }

    /** A request with {@code token} (null: without credentials). */
    public static RequestSpecification as(String token) {
        return token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
    }
}
