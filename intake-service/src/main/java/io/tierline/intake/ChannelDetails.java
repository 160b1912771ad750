package io.tierline.intake;

import io.tierline.events.Channel;
import io.tierline.events.ChatDetails;
import io.tierline.events.EmailDetails;
import io.tierline.events.PhoneDetails;
import io.tierline.events.SmsDetails;
import io.tierline.events.SocialDetails;

/** The gateway's channel details: at most one is set, the one named after the contact's channel. */
public record ChannelDetails(PhoneDetails phone, EmailDetails email, ChatDetails chat, SmsDetails sms,
        SocialDetails social) {

    public static final ChannelDetails NONE = new ChannelDetails(null, null, null, null, null);

    /** Whether a details object of this channel is set. */
    public boolean has(Channel channel) {
        return switch (channel) {
            case PHONE -> phone != null;
            case EMAIL -> email != null;
            case CHAT -> chat != null;
            case SMS -> sms != null;
            case SOCIAL -> social != null;
        };
    }
}
