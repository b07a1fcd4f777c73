package dev.eshop.salesreport.report;

import java.util.List;

/** {@code {"items": [...]}}, never null. */
public record Items<T>(List<T> items) {

    public Items {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
