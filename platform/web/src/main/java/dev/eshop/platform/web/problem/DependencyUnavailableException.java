package dev.eshop.platform.web.problem;

import java.time.Duration;

/**
 * 503 {@code dependency-unavailable}: a service this one needs did not answer. The response names
 * it in {@code dependency} and tells the client when to retry ({@code Retry-After}, in seconds).
 */
public class DependencyUnavailableException extends ProblemException {

    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public DependencyUnavailableException(String dependency, Throwable cause) {
        this(dependency, DEFAULT_RETRY_AFTER, "The " + dependency + " service did not answer. Please try again shortly.", cause);
    }

    public DependencyUnavailableException(String dependency, Duration retryAfter, String detail, Throwable cause) {
        super(ProblemType.DEPENDENCY_UNAVAILABLE, detail, cause);
        with("dependency", dependency);
        withHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
