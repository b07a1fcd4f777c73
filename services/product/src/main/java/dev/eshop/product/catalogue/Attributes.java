package dev.eshop.product.catalogue;

import dev.eshop.platform.web.problem.FieldViolation;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a product's {@code attributes} (services.md §2.2): known keys typed and ranged, others free but small. */
final class Attributes {

    static final int MAX_KEYS = 30;
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Set<String> FUELS = Set.of("petrol", "diesel", "electric", "hybrid", "plug_in_hybrid");
    private static final Set<String> TRANSMISSIONS = Set.of("manual", "automatic");

    private Attributes() {
    }

    /** The attributes with strings trimmed, or the violations found (fields as {@code attributes.brand}). */
    static Map<String, Object> check(Map<String, Object> attributes, List<FieldViolation> errors) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (attributes == null) {
            errors.add(new FieldViolation("attributes.brand", "must not be blank"));
            return clean;
        }
        if (attributes.size() > MAX_KEYS) {
            errors.add(new FieldViolation("attributes", "may have at most " + MAX_KEYS + " keys"));
        }
        if (!attributes.containsKey("brand") || attributes.get("brand") == null) {
            errors.add(new FieldViolation("attributes.brand", "must not be blank"));
        }
        attributes.forEach((key, value) -> {
            String field = "attributes." + key;
            Object checked = switch (key) {
                case "brand", "model" -> text(value, 1, 60, field, errors);
                case "color" -> text(value, 0, 40, field, errors);
                case "year" -> whole(value, 1900, Year.now().getValue() + 1, field, errors);
                case "engine_cc" -> whole(value, 0, 10_000, field, errors);
                case "power_hp" -> whole(value, 1, 2000, field, errors);
                case "seats" -> whole(value, 1, 9, field, errors);
                case "mileage_km" -> whole(value, 0, 2_000_000, field, errors);
                case "fuel" -> oneOf(value, FUELS, field, errors);
                case "transmission" -> oneOf(value, TRANSMISSIONS, field, errors);
                default -> other(key, value, field, errors);
            };
            if (checked != null) {
                clean.put(key, checked);
            }
        });
        return clean;
    }

    private static Object text(Object value, int min, int max, String field, List<FieldViolation> errors) {
        if (!(value instanceof String text)) {
            errors.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() < min || trimmed.length() > max) {
            errors.add(new FieldViolation(field, min > 0 && trimmed.isEmpty() ? "must not be blank"
                    : "size must be between " + min + " and " + max));
            return null;
        }
        return trimmed;
    }

    private static Object whole(Object value, long min, long max, String field, List<FieldViolation> errors) {
        if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
            errors.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            errors.add(new FieldViolation(field, "must be between " + min + " and " + max));
            return null;
        }
        return (int) number;
    }

    private static Object oneOf(Object value, Set<String> allowed, String field, List<FieldViolation> errors) {
        if (!(value instanceof String text) || !allowed.contains(text.strip())) {
            errors.add(new FieldViolation(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())));
            return null;
        }
        return text.strip();
    }

    private static Object other(String key, Object value, String field, List<FieldViolation> errors) {
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldViolation(field, "is not a valid key (lower-case letters, digits and _, starting with a letter, at most 40)"));
            return null;
        }
        if (value instanceof String text) {
            if (text.strip().length() > 200) {
                errors.add(new FieldViolation(field, "size must be at most 200"));
                return null;
            }
            return text.strip();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        errors.add(new FieldViolation(field, "must be a string, a number or a boolean"));
        return null;
    }

    static List<FieldViolation> none() {
        return new ArrayList<>();
    }
}
