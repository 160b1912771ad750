package io.tierline.intake.api;

import jakarta.validation.constraints.Size;

/** Social messaging details: the network and the customer's handle on it. */
public record SocialDto(@Size(max = 100) String network, @Size(max = 200) String handle) {

    @Override
    public String toString() {
        return "SocialDto[network=" + network + "]";
    }
}
