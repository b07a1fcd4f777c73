package dev.eshop.auth.user;

/** A user's role; the spelling is the value of the token's roles claim. */
public enum Role {
    CUSTOMER, ADMIN
}
