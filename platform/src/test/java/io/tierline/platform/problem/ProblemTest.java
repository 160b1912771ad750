package io.tierline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void invalidInputIsA400ListingEveryField() {
        Problem p = Problem.invalid(List.of(new Violation("customer.id", "must not be blank"),
                new Violation("channel", "must not be null")));
        assertEquals(400, p.status());
        assertEquals(2, p.violations().size());
        assertEquals("The request has 2 invalid field(s)", p.detail());
    }

    @Test
    void helpersCarryStatusAndHeaders() {
        assertEquals(404, ProblemException.notFound("case", "x").problem().status());
        assertEquals(409, ProblemException.conflict("busy").problem().status());
        ProblemException unavailable = ProblemException.unavailable("broker down", 3);
        assertEquals(503, unavailable.problem().status());
        assertEquals("3", unavailable.headers().get("Retry-After"));
        assertEquals("email", ProblemException.invalid("email", "bad").problem().violations().get(0).field());
    }

    @Test
    void anUnreachableStoreIsA503WithRetryAfterNotA500() {
        ProblemMappers mappers = new ProblemMappers();
        for (Response r : List.of(
                mappers.storeUnreachable(new MongoSocketReadException("Prematurely reached end of stream",
                        new ServerAddress("127.0.0.1", 27017))),
                mappers.storeTimedOut(new MongoTimeoutException("no server selected")))) {
            assertEquals(503, r.getStatus());
            assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
            assertEquals("2", r.getHeaderString("Retry-After"));
        }
    }
}
