package io.tierline.intake.auth;

import io.tierline.events.Channel;
import io.tierline.platform.problem.Problem;
import io.tierline.platform.problem.ProblemException;
import io.tierline.platform.problem.Violation;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/** The gateway that made the current request, set by {@link GatewayAuthFilter} on gateway endpoints. */
@RequestScoped
public class CallingGateway {

    private Gateway gateway;

    void set(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Refuses with 403 problem+json unless the calling gateway may act on this channel.
     *
     * @throws IllegalStateException on an endpoint the filter did not authenticate (a bug)
     */
    public void requireChannel(Channel channel) {
        if (gateway == null) {
            throw new IllegalStateException("no gateway authenticated on this request");
        }
        if (!gateway.allows(channel)) {
            throw new ProblemException(new Problem("https://tierline.io/problems/channel-not-allowed",
                    "Channel not allowed", 403,
                    "This API key may not act on " + channel + " contacts", null,
                    List.of(new Violation("channel", "is not allowed for this API key"))));
        }
    }
}
