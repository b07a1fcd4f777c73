package dev.eshop.admin.warehouse;

import dev.eshop.admin.site.Forms;

import java.util.Map;

/** The warehouse form's values as typed, so a refused form shows them again; the key makes a repeated "Add" create one. */
record WarehouseForm(String name, String street, String city, String state, String zipCode, String idempotencyKey) {

    /** The JSON paths of warehouse's problems, and the inputs they are about. */
    static final Map<String, String> FIELDS = Map.of("name", "name", "street", "street", "city", "city", "state", "state",
            "zip_code", "zip_code");

    /** The labels of the inputs, which start the messages about them. */
    static final Map<String, String> LABELS = Map.of("name", "Name", "street", "Street", "city", "City", "state", "State",
            "zip_code", "Zip code");

    static WarehouseForm empty(String idempotencyKey) {
        return new WarehouseForm("", "", "", "", "", idempotencyKey);
    }

    static WarehouseForm of(Warehouse warehouse) {
        return new WarehouseForm(warehouse.name(), warehouse.street(), warehouse.city(), warehouse.state(), warehouse.zipCode(), "");
    }

    static WarehouseForm from(Map<String, String> fields) {
        return new WarehouseForm(Forms.value(fields, "name"), Forms.value(fields, "street"), Forms.value(fields, "city"),
                Forms.value(fields, "state"), Forms.value(fields, "zip_code"), Forms.idempotencyKey(fields));
    }

    /** Sent as typed (trimmed): warehouse judges them, a zip code included, and says what is wrong. */
    Warehouses.Address toAddress() {
        return new Warehouses.Address(name.strip(), street.strip(), city.strip(), state.strip(), zipCode.strip());
    }
}
