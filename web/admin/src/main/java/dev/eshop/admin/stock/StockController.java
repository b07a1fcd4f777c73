package dev.eshop.admin.stock;

import dev.eshop.admin.movement.Movement;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.admin.warehouse.Warehouse;
import dev.eshop.admin.warehouse.Warehouses;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stock (spec/ui.md §2.7, flows.md §1.13): by product (with every warehouse's units) or by warehouse;
 * moving units between warehouses and adding new ones, with products and warehouses picked from
 * lists by name, never typed as ids.
 */
@Controller
class StockController {

    /** Up to this many warehouses get a column each; more are listed in the row. */
    static final int WAREHOUSE_COLUMNS = 4;
    /** Products offered by the pickers at once: the admin narrows the list by SKU or name. */
    static final int PICKER_SIZE = 50;

    private static final ListQuery.Sorts BY_PRODUCT = ListQuery.Sorts.by("product_name", true).and("total", true);
    private static final ListQuery.Sorts BY_WAREHOUSE = ListQuery.Sorts.by("product_name", true).and("quantity", true);

    private final Stock stock;
    private final Warehouses warehouses;
    private final int pageSize;

    StockController(Stock stock, Warehouses warehouses, WebAppProperties properties) {
        this.stock = stock;
        this.warehouses = warehouses;
        this.pageSize = properties.pageSize("lists", 20);
    }

    @GetMapping("/stock")
    String list(@RequestParam(defaultValue = "product") String view, Model model, HttpServletRequest request) {
        List<Warehouse> all = warehouses.all();
        model.addAttribute("warehouses", all);
        if (view.equals("warehouse")) {
            ListQuery list = ListQuery.of(request, pageSize, BY_WAREHOUSE);
            Warehouse shown = chosen(all, Forms.id(list.filter("warehouse_id")));
            ResultPage<StockRow> rows = shown == null ? new ResultPage<>(List.of(), 0, pageSize, 0)
                    : stock.inWarehouse(shown.id(), list.filter("q"), list.apiPage(), list.size(), list.apiSort());
            model.addAttribute("view", "warehouse");
            model.addAttribute("list", list);
            model.addAttribute("shown", shown);
            model.addAttribute("rows", rows);
            model.addAttribute("paging", list.paging(rows));
        }
        else {
            ListQuery list = ListQuery.of(request, pageSize, BY_PRODUCT);
            ResultPage<ProductStock> products = stock.products(list.filter("q"), "true".equals(list.filter("low_stock")), list.apiPage(),
                    list.size(), list.apiSort());
            model.addAttribute("view", "product");
            model.addAttribute("list", list);
            model.addAttribute("products", products);
            model.addAttribute("paging", list.paging(products));
            model.addAttribute("columns", all.size() <= WAREHOUSE_COLUMNS);
        }
        return Htmx.isFragmentRequest(request) ? "stock :: results" : "stock";
    }

    @GetMapping("/stock/transfer")
    String transferForm(@RequestParam(defaultValue = "") String q, @RequestParam(name = "product_id", defaultValue = "") String productId,
                        @RequestParam(required = false) String back, Model model, HttpServletRequest request) {
        MoveForm form = MoveForm.empty(Forms.id(productId), UUID.randomUUID().toString());
        show("transfer", q, form, FormErrors.none(), back, model);
        return Htmx.isFragmentRequest(request) ? "stock-move :: move" : "stock-move";
    }

    @PostMapping("/stock/transfer")
    Object transfer(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        MoveForm form = MoveForm.from(fields);
        FormErrors found = form.check(true);
        if (!found.isEmpty()) {
            show("transfer", Forms.value(fields, "q"), form, found, fields.get("back"), model);
            return Outcomes.again("stock-move", "move", HttpStatus.BAD_REQUEST, request);
        }
        try {
            Movement moved = stock.transfer(new Stock.Transfer(form.product(), form.fromWarehouse(), form.toWarehouse(), form.units(),
                    Forms.optional(form.note())), form.idempotencyKey());
            return Outcomes.done(list(fields.get("back")), "Moved " + moved.quantity() + " × " + moved.productName() + " from "
                    + moved.fromWarehouseName() + " to " + moved.toWarehouseName() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            show("transfer", Forms.value(fields, "q"), form, refusal(refused), fields.get("back"), model);
            return Outcomes.again("stock-move", "move", Forms.status(refused), request);
        }
    }

    @GetMapping("/stock/restock")
    String restockForm(@RequestParam(defaultValue = "") String q, @RequestParam(name = "product_id", defaultValue = "") String productId,
                       @RequestParam(required = false) String back, Model model, HttpServletRequest request) {
        MoveForm form = MoveForm.empty(Forms.id(productId), UUID.randomUUID().toString());
        show("restock", q, form, FormErrors.none(), back, model);
        return Htmx.isFragmentRequest(request) ? "stock-move :: move" : "stock-move";
    }

    @PostMapping("/stock/restock")
    Object restock(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        MoveForm form = MoveForm.from(fields);
        FormErrors found = form.check(false);
        if (!found.isEmpty()) {
            show("restock", Forms.value(fields, "q"), form, found, fields.get("back"), model);
            return Outcomes.again("stock-move", "move", HttpStatus.BAD_REQUEST, request);
        }
        try {
            Movement added = stock.restock(new Stock.Restock(form.toWarehouse(), form.product(), form.units(), Forms.optional(form.note())),
                    form.idempotencyKey());
            return Outcomes.done(list(fields.get("back")), "Added " + added.quantity() + (added.quantity() == 1 ? " unit" : " units")
                    + " of " + added.productName() + " to " + added.toWarehouseName() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            show("restock", Forms.value(fields, "q"), form, refusal(refused), fields.get("back"), model);
            return Outcomes.again("stock-move", "move", Forms.status(refused), request);
        }
    }

    /** Warehouse's refusal: too few units ("Central has only 3 units of this product.") is about the quantity. */
    private static FormErrors refusal(ServiceProblem refused) {
        if (refused.is("insufficient-stock")) {
            return FormErrors.none().field("quantity", refused.detail());
        }
        if (refused.is("validation") && refused.errors().stream().anyMatch(error -> "to_warehouse_id".equals(error.field()))
                && refused.errors().size() == 1) {
            return FormErrors.none().field("to_warehouse_id", "Choose two different warehouses.");
        }
        return Forms.errors(refused, MoveForm.FIELDS, MoveForm.LABELS);
    }

    /**
     * The transfer or restock page: the product picker (products matching {@code q}, the chosen one
     * always among them) and, once a product is chosen, its units per warehouse in the form; {@code back}
     * is the stock list it was opened from.
     */
    private void show(String kind, String q, MoveForm form, FormErrors errors, String back, Model model) {
        List<ProductStock> matches = new ArrayList<>(stock.products(q, false, 0, PICKER_SIZE, "product_name,asc").items());
        ProductStock chosen = null;
        if (form.product() != null) {
            try {
                chosen = stock.product(form.product());
            }
            catch (ServiceProblem problem) {
                if (problem.status() != 404) {
                    throw problem;
                }
                errors.general("That product is not in the stock lists (it may have been deleted). Choose another one.");
            }
        }
        if (chosen != null && matches.stream().noneMatch(match -> match.productId().equals(form.product()))) {
            matches.addFirst(chosen);
        }
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("matches", matches);
        model.addAttribute("chosen", chosen);
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("back", list(back));
    }

    /** The stock list a move was made from, as it was (view, filters, sort and page). */
    private static String list(String back) {
        return ListQuery.back("/stock", back);
    }

    /** The warehouse asked for, else the main one, else the first. */
    private static Warehouse chosen(List<Warehouse> all, UUID id) {
        return all.stream().filter(warehouse -> warehouse.id().equals(id)).findFirst()
                .or(() -> all.stream().filter(Warehouse::isMain).findFirst())
                .or(() -> all.stream().findFirst())
                .orElse(null);
    }
}
