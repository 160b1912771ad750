package io.tierline.platform.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer-token parser of every service: SmallRye JWT's, which checks the signature, issuer and times, with the
 * tokens it accepted remembered by their exact text. An agent desktop or a dashboard sends the same token with
 * every request; checking its RSA signature each time was a tenth of routing's CPU under load. A remembered token
 * is answered until it expires or for {@code tierline.auth.verified-token-max-age} (default one minute), whichever
 * comes first: the bound on how long a token still passes after its signing key is withdrawn. At most
 * {@code tierline.auth.verified-tokens} (default 10,000) are remembered; when full, the expired ones go, and if
 * none has, all. A token that fails is never remembered, so it fails every time, as before.
 */
@Alternative
@Unremovable
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final long maxAgeMillis;
    private final int capacity;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    @Inject // required: with a second constructor and none marked, ArC leaves the bean out without a word
    public VerifiedTokens(JWTAuthContextInfo authContext, JWTCallerPrincipalFactory principals,
            @ConfigProperty(name = "tierline.auth.verified-token-max-age", defaultValue = "PT1M") Duration maxAge,
            @ConfigProperty(name = "tierline.auth.verified-tokens", defaultValue = "10000") int capacity) {
        this(new DefaultJWTParser(authContext, principals), maxAge, capacity, System::currentTimeMillis);
    }

    VerifiedTokens(JWTParser verifier, Duration maxAge, int capacity, LongSupplier clock) {
        if (maxAge.isNegative() || capacity < 0) {
            throw new IllegalArgumentException("tierline.auth.verified-token-max-age and -tokens must not be negative");
        }
        this.verifier = verifier;
        this.maxAgeMillis = maxAge.toMillis();
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.getAsLong();
        Verified known = verified.get(bearerToken);
        if (known != null && now < known.untilMillis()) {
            return known.token();
        }
        JsonWebToken token = verifier.parse(bearerToken);
        long until = Math.min(token.getExpirationTime() * 1000, now + maxAgeMillis);
        if (capacity > 0 && now < until) {
            if (verified.size() >= capacity) {
                verified.values().removeIf(v -> v.untilMillis() <= now);
                if (verified.size() >= capacity) {
                    verified.clear();
                }
            }
            verified.put(bearerToken, new Verified(token, until));
        }
        return token;
    }

    /** How many accepted tokens are remembered now. */
    int remembered() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
