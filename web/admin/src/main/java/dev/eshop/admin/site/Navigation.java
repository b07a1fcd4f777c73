package dev.eshop.admin.site;

import java.util.List;

/** The side navigation (spec/ui.md §2.1): groups of pages, each page known by the paths under it. */
public final class Navigation {

    /** A page in the navigation; {@code path} and everything under it belong to it. */
    public record Item(String label, String path) {

        boolean covers(String requested) {
            if (path.equals("/")) {
                return requested.equals("/");
            }
            return requested.equals(path) || requested.startsWith(path + "/");
        }
    }

    /** A group of pages under a heading; a group without a heading is a single page. */
    public record Group(String heading, List<Item> items) {
    }

    public static final Item DASHBOARD = new Item("Dashboard", "/");
    public static final Item PRODUCTS = new Item("Products", "/products");
    public static final Item CATEGORIES = new Item("Categories", "/categories");
    public static final Item WAREHOUSES = new Item("Warehouses", "/warehouses");
    public static final Item STOCK = new Item("Stock", "/stock");
    public static final Item MOVEMENTS = new Item("Movements", "/movements");
    public static final Item ORDERS = new Item("Orders", "/orders");
    public static final Item PAYMENTS = new Item("Payments", "/payments");
    public static final Item REPORTS = new Item("Reports", "/reports/sales");
    public static final Item USERS = new Item("Users", "/users");

    public static final List<Group> GROUPS = List.of(
            new Group(null, List.of(DASHBOARD)),
            new Group("Catalogue", List.of(PRODUCTS, CATEGORIES)),
            new Group("Stock", List.of(WAREHOUSES, STOCK, MOVEMENTS)),
            new Group("Sales", List.of(ORDERS, PAYMENTS, REPORTS)),
            new Group(null, List.of(USERS)));

    private Navigation() {
    }

    /** The page of the navigation a path belongs to; null for none (an error page at an unknown path). */
    public static Item of(String path) {
        return GROUPS.stream().flatMap(group -> group.items().stream()).filter(item -> item.covers(path)).findFirst().orElse(null);
    }
}
