package io.tierline.intake.api;

import io.tierline.events.Segment;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer as a gateway identifies them; {@code segment} defaults to STANDARD. */
public record CustomerDto(
        @NotBlank @Size(max = 100) String id,
        @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Size(max = 50) String phone,
        Segment segment) {

    @Override
    public String toString() {
        return "CustomerDto[id=" + id + ", segment=" + segment + "]";
    }
}
