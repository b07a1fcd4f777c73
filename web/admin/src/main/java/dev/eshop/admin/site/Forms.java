package dev.eshop.admin.site;

import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.UUID;

/**
 * A service's refusal of a form, as the form shows it (spec/ui.md §0.4): {@code errors[]} next to
 * their fields, a duplicate next to the field it names, anything else ({@code detail}, or "not
 * responding") at the top, the entered values kept. Only a 403 leaves the page, for the 403 page.
 */
public final class Forms {

    private Forms() {
    }

    public static FormErrors errors(ServiceProblem problem, Map<String, String> fields, Map<String, String> labels) {
        if (problem.status() == 403) {
            throw problem;
        }
        if (problem.is("duplicate")) {
            String field = problem.member("field", String.class).map(fields::get).orElse(null);
            if (field != null) {
                return FormErrors.none().field(field, problem.detail());
            }
        }
        return FormErrors.of(problem, fields, labels);
    }

    /** A refusal no form can show leaves for its error page: not allowed (the 403 page) or no longer there (the 404 page). */
    public static void throwIfForbiddenOrGone(ServiceProblem refused) {
        if (refused.status() == 403 || refused.status() == 404) {
            throw refused;
        }
    }

    /** The status the page answers with: the service's (so htmx and tests see it), 503 when it did not answer. */
    public static HttpStatus status(ServiceProblem problem) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        return status == null ? HttpStatus.BAD_REQUEST : status;
    }

    /** The key a form was shown with, so a repeated submit (double click, reload) makes one change; a new one if it is missing. */
    public static String idempotencyKey(Map<String, String> fields) {
        String key = fields.get("idempotency_key");
        return key == null || key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                ? UUID.randomUUID().toString() : key;
    }

    /** A form's value as typed, never null. */
    public static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    /** A whole number as typed, or null when it is not one. */
    public static Integer wholeNumber(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** An id as typed (a select's value), or null. */
    public static UUID id(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Null for an empty optional text, else the text trimmed. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
