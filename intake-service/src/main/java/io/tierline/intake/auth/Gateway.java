package io.tierline.intake.auth;

import io.tierline.events.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * A gateway that authenticated with its API key, and the channels it may post contacts on.
 *
 * @param name     its configured name (logged; never the key)
 * @param channels the channels it may act on
 */
public record Gateway(String name, Set<Channel> channels) {

    public Gateway {
        channels = Set.copyOf(channels);
    }

    /** The caller when authentication is switched off: any channel. */
    static Gateway unauthenticated() {
        return new Gateway("(auth disabled)", EnumSet.allOf(Channel.class));
    }

    public boolean allows(Channel channel) {
        return channels.contains(channel);
    }
}
