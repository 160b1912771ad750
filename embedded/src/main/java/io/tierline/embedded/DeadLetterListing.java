package io.tierline.embedded;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tests' view of a service's {@code /ops/dead-letters} (RestAssured's configured base URI: the service under test). */
public final class DeadLetterListing {

    private DeadLetterListing() {
    }

    /** Every dead letter with this key, across all pages, oldest first per partition. */
    public static List<Map<String, Object>> forKey(String key) {
        List<Map<String, Object>> found = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = given().queryParam("limit", 100);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/ops/dead-letters").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> letters = page.getList("deadLetters");
            for (Map<String, Object> letter : letters) {
                if (key.equals(letter.get("key"))) {
                    found.add(letter);
                }
            }
            after = page.getString("next");
        } while (after != null);
        return found;
    }

    /** The dead letters with this key once there are at least {@code count}; fails after {@code wait}. */
    public static List<Map<String, Object>> await(String key, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Map<String, Object>> now = forKey(key);
            if (now.size() >= count) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " dead letter(s) with key " + key + " within " + wait
                        + ", found " + now.size());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for dead letters", e);
            }
        }
    }
}
