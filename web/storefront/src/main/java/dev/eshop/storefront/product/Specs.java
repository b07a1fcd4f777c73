package dev.eshop.storefront.product;

import dev.eshop.platform.webapp.format.Formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The specifications table of a product (spec/ui.md §1.5): the known attributes in the order and
 * with the labels of services.md §2.2, enum values as words, then the other attributes ("top_case"
 * is "Top case"); missing ones are left out.
 */
final class Specs {

    /** One row: its label and value as shown. */
    record Spec(String label, String value) {
    }

    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("brand", "Brand");
        KNOWN.put("model", "Model");
        KNOWN.put("year", "Year");
        KNOWN.put("fuel", "Fuel");
        KNOWN.put("transmission", "Transmission");
        KNOWN.put("engine_cc", "Engine (cc)");
        KNOWN.put("power_hp", "Power (hp)");
        KNOWN.put("color", "Color");
        KNOWN.put("seats", "Seats");
        KNOWN.put("mileage_km", "Mileage (km)");
    }

    private static final Map<String, String> WORDS = Map.of(
            "petrol", "Petrol", "diesel", "Diesel", "electric", "Electric", "hybrid", "Hybrid", "plug_in_hybrid", "Plug-in hybrid",
            "manual", "Manual", "automatic", "Automatic");

    private Specs() {
    }

    static List<Spec> of(Map<String, Object> attributes, Formats fmt) {
        List<Spec> specs = new ArrayList<>();
        KNOWN.forEach((key, label) -> {
            Object value = attributes.get(key);
            if (present(value)) {
                specs.add(new Spec(label, value(key, value, fmt)));
            }
        });
        attributes.forEach((key, value) -> {
            if (!KNOWN.containsKey(key) && present(value)) {
                specs.add(new Spec(label(key), value(key, value, fmt)));
            }
        });
        return specs;
    }

    /** "top_case" → "Top case". */
    static String label(String key) {
        String words = key.replace('_', ' ').strip();
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String value(String key, Object value, Formats fmt) {
        return switch (value) {
            case Boolean yes -> yes ? "Yes" : "No";
            case Number number when key.equals("year") -> number.toString();
            case Integer number -> fmt.number(number);
            case Long number -> fmt.number(number);
            case Number number -> number.toString();
            case String text when key.equals("fuel") || key.equals("transmission") ->
                    WORDS.getOrDefault(text.toLowerCase(Locale.ROOT), label(text));
            default -> value.toString();
        };
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }
}
