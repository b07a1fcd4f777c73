package dev.eshop.admin.stock;

import dev.eshop.admin.site.Forms;
import dev.eshop.platform.webapp.page.FormErrors;

import java.util.Map;
import java.util.UUID;

/**
 * The transfer and restock forms as typed: the product (chosen above the form), the warehouses
 * (from and to for a transfer, the one to fill for a restock), quantity and note.
 */
record MoveForm(String productId, String from, String to, String quantity, String note, String idempotencyKey) {

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_NOTE = 500;

    /** The JSON paths of warehouse's problems and the inputs they are about. */
    static final Map<String, String> FIELDS = Map.of("from_warehouse_id", "from_warehouse_id", "to_warehouse_id", "to_warehouse_id",
            "warehouse_id", "to_warehouse_id", "quantity", "quantity", "note", "note");

    static final Map<String, String> LABELS = Map.of("from_warehouse_id", "From", "to_warehouse_id", "To", "quantity", "Quantity",
            "note", "Note");

    static MoveForm empty(UUID productId, String idempotencyKey) {
        return new MoveForm(productId == null ? "" : productId.toString(), "", "", "", "", idempotencyKey);
    }

    /** A restock names its warehouse {@code warehouse_id}; it is kept as {@code to}. */
    static MoveForm from(Map<String, String> fields) {
        String to = fields.containsKey("warehouse_id") ? Forms.value(fields, "warehouse_id") : Forms.value(fields, "to_warehouse_id");
        return new MoveForm(Forms.value(fields, "product_id"), Forms.value(fields, "from_warehouse_id"), to,
                Forms.value(fields, "quantity"), Forms.value(fields, "note"), Forms.idempotencyKey(fields));
    }

    UUID product() {
        return Forms.id(productId);
    }

    UUID fromWarehouse() {
        return Forms.id(from);
    }

    UUID toWarehouse() {
        return Forms.id(to);
    }

    Integer units() {
        return Forms.wholeNumber(quantity);
    }

    /** What the form can tell before asking warehouse (a transfer also needs two different warehouses). */
    FormErrors check(boolean transfer) {
        FormErrors errors = FormErrors.none();
        if (product() == null) {
            errors.general("Choose a product first.");
        }
        if (transfer && fromWarehouse() == null) {
            errors.field("from_warehouse_id", "Choose the warehouse to move the units from.");
        }
        if (toWarehouse() == null) {
            errors.field("to_warehouse_id", transfer ? "Choose the warehouse to move the units to." : "Choose the warehouse to add the units to.");
        }
        if (transfer && fromWarehouse() != null && fromWarehouse().equals(toWarehouse())) {
            errors.field("to_warehouse_id", "Choose two different warehouses.");
        }
        if (units() == null || units() < 1 || units() > MAX_QUANTITY) {
            errors.field("quantity", "Enter a quantity from 1 to " + MAX_QUANTITY + ".");
        }
        if (note.strip().length() > MAX_NOTE) {
            errors.field("note", "The note can be at most " + MAX_NOTE + " characters.");
        }
        return errors;
    }
}
