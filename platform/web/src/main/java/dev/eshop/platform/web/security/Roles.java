package dev.eshop.platform.web.security;

/** The two roles of Eshop users, as used in {@code hasRole(..)}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";

    public static final String CUSTOMER = "CUSTOMER";

    private Roles() {
    }
}
