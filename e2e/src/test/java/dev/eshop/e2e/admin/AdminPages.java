package dev.eshop.e2e.admin;

import java.util.List;

/**
 * Every page of the admin app a browser can open (spec/ui.md §2.2), the confirmation pages and the
 * downloads included, ids standing in where a page needs one.
 */
final class AdminPages {

    /** An id no record has: for a visitor without access, the page is refused before anything is looked up. */
    private static final String ANY_ID = "0193a4b0-0000-7000-8000-000000000001";

    static final List<String> ALL = List.of("/", "/products", "/products/new", "/products/" + ANY_ID + "/edit",
            "/products/" + ANY_ID + "/delete", "/categories", "/categories/" + ANY_ID + "/delete", "/warehouses", "/warehouses/new",
            "/warehouses/" + ANY_ID + "/edit", "/warehouses/" + ANY_ID + "/make-main", "/warehouses/" + ANY_ID + "/delete",
            "/stock", "/stock?view=warehouse", "/stock/transfer", "/stock/restock", "/movements", "/orders", "/orders/" + ANY_ID,
            "/payments", "/payments/" + ANY_ID, "/payments/" + ANY_ID + "/image", "/reports", "/reports/sales",
            "/reports/sales/csv", "/reports/sales/xlsx", "/users", "/users/" + ANY_ID + "/disable", "/users/" + ANY_ID + "/enable",
            "/users/new-admin");

    private AdminPages() {
    }
}
