package dev.eshop.platform.events;

/**
 * A record that can never be handled (not JSON, fields missing, unknown type, no id). It is parked on
 * the dead-letter topic at once, without retries.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
