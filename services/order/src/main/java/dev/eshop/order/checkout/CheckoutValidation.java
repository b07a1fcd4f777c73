package dev.eshop.order.checkout;

import dev.eshop.order.OrderSettings;
import dev.eshop.order.checkout.CheckoutRequests.LineRequest;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a checkout request in one go: the annotations of {@link CheckoutRequests} and the rules that
 * depend on settings (1 … {@code max-lines} lines, distinct products, quantity 1 …
 * {@code max-quantity-per-line}). Every broken rule is reported together, as 400 {@code validation}
 * with JSON paths ({@code lines[1].quantity}, {@code address.zip_code}).
 * <p>
 * {@code POST /v1/orders} validates only after looking for an order already placed with the key
 * (spec §4.4 step 1: a repeat is answered with that order, its body not re-validated), so validation
 * is called here rather than through {@code @Valid}.
 */
@Component
class CheckoutValidation {

    private final Validator validator;
    private final OrderSettings settings;

    CheckoutValidation(Validator validator, OrderSettings settings) {
        this.validator = validator;
        this.settings = settings;
    }

    void check(Object request, List<LineRequest> lines) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            errors.add(new FieldViolation(jsonPath(violation.getPropertyPath()), violation.getMessage()));
        }
        if (lines != null) {
            if (lines.size() > settings.maxLines()) {
                errors.add(new FieldViolation("lines", "must have at most " + settings.maxLines() + " lines"));
            }
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                LineRequest line = lines.get(i);
                if (line == null) {
                    continue;
                }
                if (line.productId() != null && !seen.add(line.productId())) {
                    errors.add(new FieldViolation("lines[" + i + "].product_id", "must not repeat a product of an earlier line"));
                }
                if (line.quantity() != null && (line.quantity() < 1 || line.quantity() > settings.maxQuantityPerLine())) {
                    errors.add(new FieldViolation("lines[" + i + "].quantity",
                            "must be between 1 and " + settings.maxQuantityPerLine()));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldViolation::field, Comparator.nullsFirst(Comparator.naturalOrder())));
            throw new InvalidFieldsException(errors);
        }
    }

    /** {@code address.zipCode} → {@code address.zip_code}, {@code lines[1].quantity} stays as it is. */
    static String jsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable()) {
                json.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(snakeCase(name));
            }
        }
        return json.isEmpty() ? null : json.toString();
    }

    static String snakeCase(String javaName) {
        StringBuilder snake = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            }
            else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
