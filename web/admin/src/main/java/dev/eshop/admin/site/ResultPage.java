package dev.eshop.admin.site;

import java.util.List;

/** One page of a service's list (services.md §0.4): {@code {items, page, size, total}}, pages counted from 0. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
