package io.tierline.intake.api;

import jakarta.validation.constraints.Size;

/** Phone details: caller number (ANI), dialled number (DNIS), the IVR path taken. */
public record PhoneDto(@Size(max = 50) String ani, @Size(max = 50) String dnis, @Size(max = 500) String ivrPath) {

    @Override
    public String toString() {
        return "PhoneDto[dnis=" + dnis + "]";
    }
}
