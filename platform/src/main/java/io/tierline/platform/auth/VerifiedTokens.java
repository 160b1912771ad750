package io.tierline.platform.auth;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates the bearer-token parser of every service (SmallRye JWT's: signature, issuer, times) with
 * {@link AcceptedTokens}: an agent desktop or a dashboard sends the same token with every request, and checking
 * its RSA signature each time was a tenth of routing's CPU under load. An accepted token is answered from memory
 * until it expires or for {@code tierline.auth.verified-token-max-age} (default PT1M), the bound on how long it
 * still passes after its signing key is withdrawn; at most {@code tierline.auth.verified-tokens} (default 10,000)
 * are kept. Every other method of the parser is the parser's own.
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final AcceptedTokens accepted;

    @Inject
    protected VerifiedTokens(@Delegate JWTParser verifier,
            @ConfigProperty(name = "tierline.auth.verified-token-max-age", defaultValue = "PT1M") Duration maxAge,
            @ConfigProperty(name = "tierline.auth.verified-tokens", defaultValue = "10000") int capacity) {
        this.verifier = verifier;
        this.accepted = new AcceptedTokens(maxAge, capacity, System::currentTimeMillis);
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        return accepted.parse(bearerToken, verifier::parse);
    }
}
