package dev.eshop.platform.webapp.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a service answered instead of a result: its problem document (spec/services.md §0.3) with
 * {@code detail}, {@code errors[]} and {@code trace_id}, or — status 503 — no answer at all (refused,
 * timed out, or a 5xx). Controllers catch the ones they show in place (a 400 next to the fields, a
 * 409 as a message); the rest become error pages.
 */
public class ServiceProblem extends RuntimeException {

    /** What the pages say when a service does not answer. */
    public static final String NOT_RESPONDING = "This part of the shop is not responding. Please try again in a moment.";

    /** One entry of {@code errors}: the JSON path of the field ({@code address.zip_code}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private final String service;
    private final int status;
    private final String slug;
    private final String detail;
    private final String traceId;
    private final List<FieldError> errors;
    private final transient JsonNode body;
    private final transient JsonMapper json;

    ServiceProblem(String service, int status, String slug, String detail, String traceId, List<FieldError> errors, JsonNode body,
                   JsonMapper json, Throwable cause) {
        super(service + " answered " + status + (slug.isEmpty() ? "" : " " + slug) + ": " + detail, cause);
        this.service = service;
        this.status = status;
        this.slug = slug;
        this.detail = detail;
        this.traceId = traceId;
        this.errors = List.copyOf(errors);
        this.body = body;
        this.json = json;
    }

    /** The service did not answer in time, or could not be reached. */
    public static ServiceProblem notResponding(String service, Throwable cause) {
        return new ServiceProblem(service, 503, "not-responding", NOT_RESPONDING, null, List.of(), null, null, cause);
    }

    /** Reads a problem document; a body that is not one still gives the status and a readable detail. */
    public static ServiceProblem read(String service, int status, byte[] body, JsonMapper json) {
        JsonNode problem;
        try {
            problem = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        }
        catch (JacksonException ex) {
            problem = json.createObjectNode();
        }
        if (!(problem instanceof ObjectNode)) {
            problem = json.createObjectNode();
        }
        String type = problem.path("type").asString("");
        String slug = type.isEmpty() || type.equals("about:blank") ? "" : type.substring(type.lastIndexOf('/') + 1);
        String traceId = problem.path("trace_id").isString() ? problem.path("trace_id").asString() : null;
        if (status >= 500) {
            // A service's own failure: its detail means nothing to a customer.
            return new ServiceProblem(service, 503, slug, NOT_RESPONDING, traceId, List.of(), problem, json, null);
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").isString() ? error.path("field").asString() : null;
            errors.add(new FieldError(field, error.path("message").asString("is not valid")));
        }
        String detail = problem.path("detail").isString() && !problem.path("detail").asString().isBlank()
                ? problem.path("detail").asString() : "The request could not be completed.";
        return new ServiceProblem(service, status, slug, detail, traceId, errors, problem, json, null);
    }

    /** The service that answered (or did not). */
    public String service() {
        return service;
    }

    /** The HTTP status; 503 when the service did not answer or failed. */
    public int status() {
        return status;
    }

    /** The last segment of the problem's {@code type}: {@code validation}, {@code insufficient-stock}, …; empty when untyped. */
    public String slug() {
        return slug;
    }

    public boolean is(String slug) {
        return this.slug.equals(slug);
    }

    /** A sentence for a person: the problem's {@code detail}. */
    public String detail() {
        return detail;
    }

    /** The service's {@code trace_id}, shown as the page's reference; {@code null} when it gave none. */
    public String traceId() {
        return traceId;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** True for 503: nothing the user did, worth trying again. */
    public boolean unavailable() {
        return status == 503;
    }

    /** A member beyond the standard ones ({@code short_products}, {@code quote}, …) read as the given type. */
    public <T> Optional<T> member(String name, Class<T> type) {
        if (body == null || json == null || body.path(name).isMissingNode() || body.path(name).isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.treeToValue(body.path(name), type));
        }
        catch (JacksonException ex) {
            return Optional.empty();
        }
    }
}
