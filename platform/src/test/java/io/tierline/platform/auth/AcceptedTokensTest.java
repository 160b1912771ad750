package io.tierline.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class AcceptedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** The tokens the verifier was asked about, in order. */
    private final List<String> checked = new ArrayList<>();
    /** Token text to its expiry (epoch seconds); a token not in it fails. */
    private final Map<String, Long> valid = new HashMap<>();

    private final AcceptedTokens.Verification verifier = text -> {
        checked.add(text);
        Long exp = valid.get(text);
        if (exp == null || exp * 1000 <= now.get()) {
            throw new ParseException("invalid or expired: " + text);
        }
        return token(text, exp);
    };

    private AcceptedTokens tokens(Duration maxAge, int capacity) {
        return new AcceptedTokens(maxAge, capacity, now::get);
    }

    @Test
    void aTokenIsVerifiedOnceAndAgainAfterTheMaximumAge() throws Exception {
        valid.put("a", now.get() / 1000 + 3600);
        AcceptedTokens tokens = tokens(Duration.ofSeconds(60), 100);

        JsonWebToken first = tokens.parse("a", verifier);
        now.addAndGet(59_000);
        assertSame(first, tokens.parse("a", verifier));
        assertEquals(List.of("a"), checked);

        now.addAndGet(1_000);
        assertEquals("a", tokens.parse("a", verifier).getName());
        assertEquals(List.of("a", "a"), checked, "checked again once the maximum age has passed");
    }

    @Test
    void aTokenThatExpiresIsCheckedAgainAndRefused() throws Exception {
        valid.put("short", now.get() / 1000 + 10);
        AcceptedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        tokens.parse("short", verifier);
        now.addAndGet(9_999);
        tokens.parse("short", verifier);
        assertEquals(1, checked.size());

        now.addAndGet(1);
        assertThrows(ParseException.class, () -> tokens.parse("short", verifier));
        assertEquals(2, checked.size());
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        AcceptedTokens tokens = tokens(Duration.ofSeconds(60), 100);
        assertThrows(ParseException.class, () -> tokens.parse("forged", verifier));
        assertThrows(ParseException.class, () -> tokens.parse("forged", verifier));
        assertEquals(List.of("forged", "forged"), checked);
        assertEquals(0, tokens.remembered());
    }

    @Test
    void atCapacityTheExpiredGoFirstAndTheCountStaysBounded() throws Exception {
        AcceptedTokens tokens = tokens(Duration.ofSeconds(60), 2);
        valid.put("old", now.get() / 1000 + 5);
        valid.put("b", now.get() / 1000 + 3600);
        tokens.parse("old", verifier);
        tokens.parse("b", verifier);
        now.addAndGet(6_000);
        valid.put("c", now.get() / 1000 + 3600);
        tokens.parse("c", verifier);
        assertEquals(2, tokens.remembered(), "the expired one made room");
        tokens.parse("b", verifier);
        assertEquals(List.of("old", "b", "c"), checked, "b is still remembered");

        valid.put("d", now.get() / 1000 + 3600);
        tokens.parse("d", verifier);
        assertEquals(1, tokens.remembered(), "none had expired: all went, then d");
    }

    @Test
    void aZeroCapacityRemembersNothing() throws Exception {
        valid.put("a", now.get() / 1000 + 3600);
        AcceptedTokens tokens = tokens(Duration.ofSeconds(60), 0);
        tokens.parse("a", verifier);
        tokens.parse("a", verifier);
        assertEquals(2, checked.size());
    }

    private static JsonWebToken token(String name, long exp) {
        Map<String, Object> claims = Map.of("exp", exp, "upn", name);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
