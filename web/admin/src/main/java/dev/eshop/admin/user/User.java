package dev.eshop.admin.user;

import java.time.Instant;
import java.util.UUID;

/** A user account at auth (services.md §1.3). */
public record User(UUID id, String email, String name, String role, boolean enabled, Instant createdAt, Instant lastLoginAt) {

    /** "Admin" or "Customer". */
    public String roleLabel() {
        return "ADMIN".equals(role) ? "Admin" : "CUSTOMER".equals(role) ? "Customer" : role;
    }

    public String statusLabel() {
        return enabled ? "Enabled" : "Disabled";
    }

    /** What "Disable" asks, in the dialog and on the confirmation page. */
    public String disableQuestion() {
        return "Disable " + name + " (" + email + ")? They are signed out within 10 minutes and cannot sign in until enabled again.";
    }

    public String enableQuestion() {
        return "Enable " + name + " (" + email + ")? They can sign in again.";
    }

    /** Whether this is the signed-in admin's own account, which they cannot disable. */
    public boolean is(String userId) {
        return id.toString().equals(userId);
    }
}
