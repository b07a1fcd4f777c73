package dev.eshop.platform.web.problem;

/**
 * 409 {@code concurrent-modification}: the {@code version} the client sent is not the current one
 * (someone changed the resource meanwhile). {@code current_version} tells it what to reload.
 */
public class StaleVersionException extends ProblemException {

    public StaleVersionException(long currentVersion) {
        this(currentVersion, "The resource was changed meanwhile; its current version is " + currentVersion
                + ". Reload it and try again.");
    }

    public StaleVersionException(long currentVersion, String detail) {
        super(ProblemType.CONCURRENT_MODIFICATION, detail);
        with("current_version", currentVersion);
    }
}
