package dev.eshop.auth.user;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}, with what sign-in needs (hash, lock) besides what the API shows. */
public record UserAccount(UUID id, String email, String name, String passwordHash, Role role, boolean enabled,
                          int failedLoginCount, Instant lockedUntil, UUID createdBy, Instant passwordChangedAt,
                          Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public User view() {
        return new User(id, email, name, role, enabled, createdAt, lastLoginAt);
    }
}
