package dev.eshop.auth.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * The request bodies of the user API. Unknown fields (a {@code role}, {@code roles}) are ignored.
 * Passwords are taken exactly as sent: the platform trims every other string, but a password's
 * spaces are part of it, as they are on the sign-in page.
 */
public final class UserRequests {

    /** Loose enough for every real address, strict enough to need a domain with a dot. */
    static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private UserRequests() {
    }

    /** {@code POST /v1/users} (a customer signs up) and {@code POST /v1/users/admins} (an admin adds an admin). */
    public record Registration(@NotBlank @Email(regexp = EMAIL_PATTERN) @Size(max = 254) String email,
                               @NotBlank @Size(max = 100) String name,
                               @NotNull @PasswordLength @JsonDeserialize(using = StringDeserializer.class) String password) {
    }

    /** {@code PATCH /v1/users/me}. */
    public record NameChange(@NotBlank @Size(max = 100) String name) {
    }

    /** {@code PUT /v1/users/me/password} and the change-password page. */
    public record PasswordChange(@NotBlank @JsonDeserialize(using = StringDeserializer.class) String currentPassword,
                                 @NotNull @PasswordLength @JsonDeserialize(using = StringDeserializer.class) String newPassword) {
    }

    /** {@code PATCH /v1/users/{id}}. */
    public record EnabledChange(@NotNull Boolean enabled) {
    }
}
