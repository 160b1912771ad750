package io.tierline.embedded;

import static io.restassured.RestAssured.given;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tests' view of a service's {@code /ops/dead-letters} (RestAssured's configured base URI: the service under test). */
public final class DeadLetterListing {

    private DeadLetterListing() {
    }

    /** The dead-letter endpoints as an admin (listing needs ops or admin, replaying admin). */
    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(SharedInfra.get().tokens().admin());
    }

    /** Every dead letter with this key, across all pages, oldest first per partition. */
    public static List<Map<String, Object>> forKey(String key) {
        List<Map<String, Object>> found = new ArrayList<>();
        String after = null;
        do {
            RequestSpecification request = asAdmin().queryParam("limit", 100);
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

    /**
     * Replays the dead letter twice at the same moment: at least one answers 200, the other 200 or 409 (the
     * platform records a replay once however the requests race); the two statuses.
     */
    public static List<Integer> replayTwiceAtOnce(String id) throws InterruptedException, ExecutionException {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> replay = () -> asAdmin().post("/ops/dead-letters/" + id + "/replay").statusCode();
            Future<Integer> a = two.submit(replay);
            Future<Integer> b = two.submit(replay);
            List<Integer> statuses = List.of(a.get(), b.get());
            if (!statuses.contains(200) || !statuses.stream().allMatch(s -> s == 200 || s == 409)) {
                throw new AssertionError("two replays at once answered " + statuses);
            }
            return statuses;
        } finally {
            two.shutdownNow();
        }
    }

    /** A dead letter replayed already is not replayed again unasked: 409 problem+json pointing at force=true. */
    public static void replayAgainIsAConflict(String id) {
        asAdmin().post("/ops/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("force=true"));
    }
}
