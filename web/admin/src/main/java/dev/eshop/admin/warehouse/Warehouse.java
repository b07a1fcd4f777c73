package dev.eshop.admin.warehouse;

import java.time.Instant;
import java.util.UUID;

/** A warehouse as the warehouse service shows it (services.md §6.4), with what it holds. */
public record Warehouse(UUID id, String name, String street, String city, String state, String zipCode, boolean isMain,
                        long productCount, long totalUnits, Instant createdAt, Instant updatedAt) {

    /** "12 Harbour Road, Springfield, IL". */
    public String address() {
        return street + ", " + city + ", " + state;
    }

    /** Why it cannot be deleted, or null when it can (only an empty warehouse that is not the main one). */
    public String whyNotDeletable() {
        if (isMain) {
            return "The main warehouse cannot be deleted.";
        }
        if (totalUnits > 0) {
            return "Still holds stock.";
        }
        return null;
    }

    /** What "Make main" asks, in its dialog and on its confirmation page. */
    public String makeMainQuestion() {
        return "Make " + name + " the main warehouse? New products' initial stock will be placed there.";
    }

    /** What "Delete" asks. */
    public String deleteQuestion() {
        return "Delete " + name + "? It is removed from the stock lists.";
    }
}
