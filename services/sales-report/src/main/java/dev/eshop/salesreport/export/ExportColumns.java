package dev.eshop.salesreport.export;

import java.util.List;

/** The columns of both exports, in order (spec services.md §7.3). */
final class ExportColumns {

    static final List<String> NAMES = List.of("paid_at", "order_id", "user_id", "product_id", "product_name", "category_name",
            "quantity", "unit_price", "line_total", "margin_rate", "margin");

    private ExportColumns() {
    }
}
