package dev.eshop.admin.movement;

import dev.eshop.admin.site.Dates;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.admin.stock.ProductStock;
import dev.eshop.admin.stock.Stock;
import dev.eshop.admin.warehouse.Warehouses;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The stock movements ledger (spec/ui.md §2.8), newest first unless sorted otherwise: filters by type,
 * product (found by SKU or name), warehouse, order and dates; names and formatted times instead of ids.
 */
@Controller
class MovementController {

    static final List<String> TYPES = List.of("INITIAL", "RESTOCK", "TRANSFER", "RESERVE", "RELEASE");

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("created_at", false);

    private final Movements movements;
    private final Stock stock;
    private final Warehouses warehouses;
    private final int pageSize;

    MovementController(Movements movements, Stock stock, Warehouses warehouses, WebAppProperties properties) {
        this.movements = movements;
        this.stock = stock;
        this.warehouses = warehouses;
        this.pageSize = properties.pageSize("lists", 20);
    }

    /** The type checkboxes: the value sent and the ledger's words. */
    record TypeChoice(String value, String label, boolean checked) {
    }

    @GetMapping("/movements")
    String ledger(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        FormErrors errors = FormErrors.none();
        List<String> types = list.filters("type").stream().filter(TYPES::contains).distinct().toList();
        LocalDate from = Dates.read(list.filter("from"), "from", errors);
        LocalDate to = Dates.read(list.filter("to"), "to", errors);
        boolean usable = Dates.ordered(from, to, "from", errors);
        UUID orderId = null;
        if (list.filter("order_id") != null) {
            orderId = Forms.id(list.filter("order_id"));
            if (orderId == null) {
                errors.field("order_id", "Enter a full order id, as shown on the order's page.");
                usable = false;
            }
        }
        ProductStock product = null;
        String productNote = null;
        UUID productId = null;
        String productText = list.filter("product");
        if (productText != null) {
            List<ProductStock> found = stock.products(productText, false, 0, 2, "product_name,asc").items();
            if (found.isEmpty()) {
                errors.field("product", "No product matches “" + productText.strip() + "”.");
                usable = false;
            }
            else {
                product = found.getFirst();
                productId = product.productId();
                if (found.size() > 1) {
                    productNote = "Several products match “" + productText.strip() + "”; showing " + product.label()
                            + ". Type more of the name, or the SKU, to choose another.";
                }
            }
        }
        UUID warehouseId = Forms.id(list.filter("warehouse_id"));
        ResultPage<Movement> found = usable
                ? movements.find(new Movements.Filter(types, productId, warehouseId, orderId, from, to), list.apiPage(), list.size(),
                list.apiSort())
                : new ResultPage<>(List.of(), 0, list.size(), 0);
        Set<String> checked = Set.copyOf(types);
        model.addAttribute("list", list);
        model.addAttribute("errors", errors);
        model.addAttribute("types", TYPES.stream().map(type -> new TypeChoice(type, Movement.label(type), checked.contains(type))).toList());
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("warehouseId", warehouseId);
        model.addAttribute("productNote", productNote);
        model.addAttribute("movements", found);
        model.addAttribute("paging", list.paging(found));
        return Htmx.isFragmentRequest(request) ? "movements :: listing" : "movements";
    }
}
