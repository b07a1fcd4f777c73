package dev.eshop.launcher;

/**
 * A problem the person running the launcher can fix (a port in use, a second launcher, a missing
 * jar, a bad flag). Reported as one line, never as a stack trace.
 */
public final class LaunchException extends RuntimeException {

    private final int exitCode;

    public LaunchException(String message) {
        this(message, 1);
    }

    public LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
