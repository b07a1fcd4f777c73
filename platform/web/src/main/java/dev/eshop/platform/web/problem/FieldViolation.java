package dev.eshop.platform.web.problem;

/**
 * One entry of a {@code validation} problem's {@code errors}.
 *
 * @param field   the JSON path of the field in snake_case ({@code lines[1].quantity}); for a query
 *                parameter or header, its name; {@code null} when the rule concerns the whole request
 * @param message what is wrong with it ({@code must be greater than 0})
 */
public record FieldViolation(String field, String message) {
}
