package dev.eshop.platform.web.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the client caused (or a dependency did), answered as an RFC 9457 problem with this
 * status, slug, title and detail, plus any extra members. Throw it from anywhere in a request;
 * the platform's exception handler writes the response.
 *
 * <pre>
 * throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
 *         "There is not enough stock for 1 product.")
 *         .with("short_products", shortProducts);
 * </pre>
 *
 * Member names are written as given, so use snake_case; values are written with the service's
 * JSON mapper (records come out in snake_case too). No stack trace is captured: these are
 * answers, not bugs.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final String slug;
    private final String title;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(HttpStatusCode status, String slug, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, Throwable cause) {
        this(type.status(), type.slug(), type.title(), detail, cause);
    }

    /** Adds an extra member to the problem document; a {@code null} value is written as {@code null}. */
    public ProblemException with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ProblemException withHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
