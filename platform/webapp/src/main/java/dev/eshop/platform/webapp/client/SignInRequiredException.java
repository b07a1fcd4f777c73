package dev.eshop.platform.webapp.client;

/**
 * The user's tokens no longer work (the refresh was refused, or a service answered 401): the user
 * signs in again and comes back to the page.
 */
public class SignInRequiredException extends RuntimeException {

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
