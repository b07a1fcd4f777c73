package dev.eshop.platform.webapp.page;

import dev.eshop.platform.webapp.client.ServiceProblem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors (spec/ui.md §0.4): a message per field, shown next to it and tied to it with
 * {@code aria-describedby} and {@code aria-invalid}, plus the error summary at the top of the form
 * (each item links to its field). Built from a service's problem: its {@code errors[]} go to the
 * fields named by their JSON path, its {@code detail} is the message when no field matches.
 *
 * <pre>
 * FormErrors errors = FormErrors.of(problem, Map.of("address.zip_code", "zip_code"), Map.of("zip_code", "Zip code"));
 * errors.get("zip_code")   // "Zip code must be exactly 5 digits."
 * </pre>
 */
public final class FormErrors {

    /** One line of the summary; {@code field} is the id of the input it links to, or null. */
    public record Item(String field, String message) {
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    private FormErrors() {
    }

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * The problem's errors on the form's fields.
     *
     * @param fieldsByPath the form field (input id and name) for each JSON path the service may name
     * @param labels       the visible label of each form field, which starts a message like "must be exactly 5 digits"
     */
    public static FormErrors of(ServiceProblem problem, Map<String, String> fieldsByPath, Map<String, String> labels) {
        FormErrors errors = new FormErrors();
        for (ServiceProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? null : fieldsByPath.get(error.field());
            if (field != null) {
                errors.field(field, sentence(labels.get(field), error.message()));
            }
            else {
                errors.general(sentence(error.field() == null ? null : labels.get(error.field()), error.message()));
            }
        }
        if (errors.isEmpty()) {
            errors.general(problem.detail());
        }
        return errors;
    }

    /** Adds a field's message (the first one of a field stays). */
    public FormErrors field(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    /** Adds a message about the whole form. */
    public FormErrors general(String message) {
        if (!general.contains(message)) {
            general.add(message);
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's message, or null. */
    public String get(String field) {
        return fields.get(field);
    }

    /** {@code "true"} for an invalid field, null otherwise: the value of {@code aria-invalid}. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /** The ids that describe a field: its hint (if any) and its error message ({@code <field>-error}). */
    public String describedBy(String field, String hintId) {
        List<String> ids = new ArrayList<>();
        if (hintId != null && !hintId.isBlank()) {
            ids.add(hintId);
        }
        if (has(field)) {
            ids.add(field + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    public Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Messages not tied to a field. */
    public List<String> general() {
        return Collections.unmodifiableList(general);
    }

    /** The summary: the fields' messages in order, then the others. */
    public List<Item> summary() {
        List<Item> items = new ArrayList<>();
        fields.forEach((field, message) -> items.add(new Item(field, message)));
        general.forEach(message -> items.add(new Item(null, message)));
        return items;
    }

    /**
     * A service's field message as a sentence: "must be exactly 5 digits" on "Zip code" becomes
     * "Zip code must be exactly 5 digits."; a message that already is a sentence stays as it is.
     */
    public static String sentence(String label, String message) {
        String text = message == null || message.isBlank() ? "is not valid" : message.strip();
        boolean fragment = Character.isLowerCase(text.codePointAt(0));
        if (fragment) {
            text = (label == null ? "This value" : label) + " " + text;
        }
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }
}
