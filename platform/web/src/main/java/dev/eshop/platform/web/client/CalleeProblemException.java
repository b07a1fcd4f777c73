package dev.eshop.platform.web.client;

import dev.eshop.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatusCode;

/**
 * Another service answered a call with a 4xx problem. Thrown as is, it is passed on to this
 * service's client with the same status, type, detail and extra members (spec/services.md §0.6);
 * a caller that wants to say more catches it and reads {@link #slug()} and {@link #members()}.
 */
public class CalleeProblemException extends ProblemException {

    private final String callee;

    public CalleeProblemException(String callee, HttpStatusCode status, String slug, String title, String detail) {
        super(status, slug, title, detail);
        this.callee = callee;
    }

    /** The service that answered with the problem. */
    public String callee() {
        return callee;
    }
}
