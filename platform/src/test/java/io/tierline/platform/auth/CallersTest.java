package io.tierline.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallersTest {

    @Test
    void aTeamsClaimIsReadAsAJsonArrayAListOrOneString() {
        assertEquals(Set.of("a", "b"), Callers.teamsOf(Json.createArrayBuilder().add("a").add("b").build()));
        assertEquals(Set.of("a", "b"), Callers.teamsOf(List.of("a", "b")));
        assertEquals(Set.of("a"), Callers.teamsOf(Json.createValue("a")));
        assertEquals(Set.of(), Callers.teamsOf(null));
    }

    @Test
    void onlyASupervisorLeadsTheTeamsInItsToken() {
        assertTrue(new Caller("lead", Set.of("supervisor"), Set.of("t1")).leads("t1"));
        assertFalse(new Caller("lead", Set.of("supervisor"), Set.of("t1")).leads("t2"));
        assertFalse(new Caller("lead", Set.of("supervisor"), Set.of("t1")).leads(null));
        assertFalse(new Caller("agent-1", Set.of("agent"), Set.of("t1")).leads("t1"));
    }
}
