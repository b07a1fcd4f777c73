package dev.eshop.storefront.site;

import dev.eshop.platform.webapp.security.SignedInUser;

/**
 * What the header shows: who is signed in (null when nobody), the units in their cart (null when
 * unknown: signed out, an admin, or cart did not answer), and the page to come back to after
 * signing in.
 */
public record Header(SignedInUser user, Integer cartCount, String returnPath) {

    public boolean signedIn() {
        return user != null;
    }

    /** "Cart (3)", or "Cart" when the count is unknown. */
    public String cartLabel() {
        return cartCount == null ? "Cart" : "Cart (" + cartCount + ")";
    }

    /** "Cart, 3 vehicles" for screen readers. */
    public String cartDescription() {
        if (cartCount == null) {
            return "Cart";
        }
        return "Cart, " + cartCount + (cartCount == 1 ? " vehicle" : " vehicles");
    }
}
