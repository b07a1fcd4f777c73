package dev.eshop.auth.user;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it (spec/services.md §1.3). */
public record User(UUID id, String email, String name, Role role, boolean enabled, Instant createdAt, Instant lastLoginAt) {
}
