package dev.eshop.admin.product;

import dev.eshop.admin.site.Forms;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The product form (spec/ui.md §2.4) as typed, so a refused form shows it again: name, category,
 * price, description, the known attributes of services.md §2.2 in their order, other attributes as
 * name/value rows, and on create the initial quantity; on edit the version it was read at.
 */
record ProductForm(String name, String categoryId, String price, String description, Map<String, String> attributes, List<Other> others,
                   String initialQuantity, String version, String idempotencyKey) {

    /** Rows of "Other attributes" shown empty, to fill in without JavaScript. */
    static final int EMPTY_ROWS = 3;

    /** A known attribute: its key, its label in the shop, and what it holds. */
    record Attribute(String key, String label, Kind kind, boolean required) {

        /** The input's id and name. */
        public String field() {
            return "attr_" + key;
        }
    }

    enum Kind { TEXT, WHOLE_NUMBER, FUEL, TRANSMISSION }

    /** An "other attribute" row as typed. */
    record Other(String name, String value) {

        public boolean blank() {
            return name.isBlank() && value.isBlank();
        }
    }

    /** A choice of a select: the value sent and the words shown. */
    record Choice(String value, String label) {
    }

    static final List<Attribute> KNOWN = List.of(
            new Attribute("brand", "Brand", Kind.TEXT, true),
            new Attribute("model", "Model", Kind.TEXT, false),
            new Attribute("year", "Year", Kind.WHOLE_NUMBER, false),
            new Attribute("fuel", "Fuel", Kind.FUEL, false),
            new Attribute("transmission", "Transmission", Kind.TRANSMISSION, false),
            new Attribute("engine_cc", "Engine (cc)", Kind.WHOLE_NUMBER, false),
            new Attribute("power_hp", "Power (hp)", Kind.WHOLE_NUMBER, false),
            new Attribute("color", "Color", Kind.TEXT, false),
            new Attribute("seats", "Seats", Kind.WHOLE_NUMBER, false),
            new Attribute("mileage_km", "Mileage (km)", Kind.WHOLE_NUMBER, false));

    static final List<Choice> FUELS = List.of(new Choice("petrol", "Petrol"), new Choice("diesel", "Diesel"),
            new Choice("electric", "Electric"), new Choice("hybrid", "Hybrid"), new Choice("plug_in_hybrid", "Plug-in hybrid"));

    static final List<Choice> TRANSMISSIONS = List.of(new Choice("manual", "Manual"), new Choice("automatic", "Automatic"));

    private static final Map<String, String> FIELDS = Map.of("name", "name", "price", "price", "category_id", "category_id",
            "description", "description", "initial_quantity", "initial_quantity");

    private static final Map<String, String> LABELS = Map.of("name", "Name", "price", "Price", "category_id", "Category",
            "description", "Description", "initial_quantity", "Initial quantity");

    static ProductForm empty(String idempotencyKey) {
        return new ProductForm("", "", "", "", Map.of(), List.of(), "0", "", idempotencyKey);
    }

    static ProductForm of(ProductDetail product) {
        Map<String, String> known = new LinkedHashMap<>();
        List<Other> others = new ArrayList<>();
        product.attributes().forEach((key, value) -> {
            String text = value == null ? "" : String.valueOf(value);
            if (KNOWN.stream().anyMatch(attribute -> attribute.key().equals(key))) {
                known.put(key, text);
            }
            else {
                others.add(new Other(key, text));
            }
        });
        return new ProductForm(product.name(), product.categoryId() == null ? "" : product.categoryId().toString(),
                PriceInput.show(product.price()), product.description() == null ? "" : product.description(), known, others, "",
                Long.toString(product.version()), "");
    }

    static ProductForm from(Map<String, String> fields) {
        Map<String, String> known = new LinkedHashMap<>();
        KNOWN.forEach(attribute -> known.put(attribute.key(), Forms.value(fields, attribute.field())));
        List<Other> others = new ArrayList<>();
        fields.keySet().stream()
                .filter(name -> name.startsWith("other_name_"))
                .map(name -> Forms.wholeNumber(name.substring("other_name_".length())))
                .filter(index -> index != null && index >= 0)
                .sorted()
                .forEach(index -> {
                    Other row = new Other(Forms.value(fields, "other_name_" + index), Forms.value(fields, "other_value_" + index));
                    if (!row.blank()) {
                        others.add(row);
                    }
                });
        return new ProductForm(Forms.value(fields, "name"), Forms.value(fields, "category_id"), Forms.value(fields, "price"),
                Forms.value(fields, "description"), known, others, Forms.value(fields, "initial_quantity"), Forms.value(fields, "version"),
                Forms.idempotencyKey(fields));
    }

    /** The typed value of a known attribute. */
    public String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }

    /** The rows of "Other attributes": those typed, then empty ones to fill in. */
    public List<Other> rows() {
        List<Other> rows = new ArrayList<>(others);
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new Other("", ""));
        }
        return rows;
    }

    /** What the form can tell before asking product: a price it cannot read, a missing category, a quantity that is not a number. */
    FormErrors check() {
        FormErrors errors = FormErrors.none();
        if (priceAmount() == null) {
            errors.field("price", PriceInput.INVALID);
        }
        if (Forms.id(categoryId) == null) {
            errors.field("category_id", "Choose a category.");
        }
        if (!initialQuantity.isBlank() && quantity() == null) {
            errors.field("initial_quantity", "Enter the initial quantity as a whole number from 0 to 10000.");
        }
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i).name().isBlank()) {
                errors.field("other_name_" + i, "Give the attribute a name.");
            }
        }
        return errors;
    }

    /**
     * Whether product will refuse the form whatever else it holds (no price or category it could
     * read): then it is asked anyway, so the admin sees every problem at once.
     */
    boolean incomplete() {
        return priceAmount() == null || category() == null;
    }

    BigDecimal priceAmount() {
        return PriceInput.parse(price).orElse(null);
    }

    Integer quantity() {
        return initialQuantity.isBlank() ? null : Forms.wholeNumber(initialQuantity);
    }

    UUID category() {
        return Forms.id(categoryId);
    }

    Long versionNumber() {
        try {
            return Long.valueOf(version.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /**
     * The attributes as product takes them: known numbers as numbers (text that is not one is sent
     * as typed, and product says what is wrong), empty ones left out, other names as keys
     * ("Top speed" becomes {@code top_speed}).
     */
    Map<String, Object> attributeMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Attribute attribute : KNOWN) {
            String value = attribute(attribute.key()).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (attribute.kind() == Kind.WHOLE_NUMBER) {
                try {
                    map.put(attribute.key(), Long.valueOf(value.replace(",", "")));
                }
                catch (NumberFormatException ex) {
                    map.put(attribute.key(), value);
                }
            }
            else {
                map.put(attribute.key(), value);
            }
        }
        for (Other other : others) {
            if (!other.name().isBlank()) {
                map.put(key(other.name()), other.value().strip());
            }
        }
        return map;
    }

    /** Product's refusal on this form's fields, after what the form found itself. */
    FormErrors errors(ServiceProblem problem, FormErrors found) {
        FormErrors errors = FormErrors.none();
        found.fields().forEach(errors::field);
        found.general().forEach(errors::general);
        if (problem.is("concurrent-modification")) {
            return errors.general("This product was changed by someone else. Reload to see the latest version.");
        }
        if (problem.is("category-not-leaf") || (problem.status() == 404 && problem.detail().toLowerCase(Locale.ROOT).contains("categor"))) {
            return errors.field("category_id", problem.detail());
        }
        if (problem.status() == 403 || (problem.status() == 404 && versionNumber() != null)) {
            throw problem;
        }
        for (ServiceProblem.FieldError error : problem.errors()) {
            String path = error.field() == null ? "" : error.field();
            if (FIELDS.containsKey(path)) {
                errors.field(FIELDS.get(path), FormErrors.sentence(LABELS.get(path), error.message()));
                continue;
            }
            if (path.startsWith("attributes.")) {
                String key = path.substring("attributes.".length());
                Attribute known = KNOWN.stream().filter(attribute -> attribute.key().equals(key)).findFirst().orElse(null);
                if (known != null) {
                    errors.field(known.field(), FormErrors.sentence(known.label(), error.message()));
                    continue;
                }
                int row = rowOf(key);
                if (row >= 0) {
                    boolean aboutName = error.message() != null && error.message().contains("key");
                    errors.field((aboutName ? "other_name_" : "other_value_") + row,
                            FormErrors.sentence(aboutName ? "The attribute name" : label(key), error.message()));
                    continue;
                }
            }
            errors.general(FormErrors.sentence(null, error.message()));
        }
        if (errors.isEmpty()) {
            errors.general(problem.detail());
        }
        return errors;
    }

    private int rowOf(String key) {
        for (int i = 0; i < others.size(); i++) {
            if (key(others.get(i).name()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The key of an attribute name as typed: lower-case, words joined by {@code _}. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /** How the shop shows a key: {@code top_speed} is "Top speed". */
    static String label(String key) {
        String words = key.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
