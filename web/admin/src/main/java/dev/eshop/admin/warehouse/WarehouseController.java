package dev.eshop.admin.warehouse;

import dev.eshop.admin.site.Confirmation;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;

/**
 * Warehouses (spec/ui.md §2.6, flows.md §1.13): the list, adding and editing one, making one the
 * main warehouse, and deleting an empty one. Every change goes back to the list, read again.
 */
@Controller
class WarehouseController {

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("name", true).and("zip_code", true);

    private final Warehouses warehouses;
    private final int pageSize;

    WarehouseController(Warehouses warehouses, WebAppProperties properties) {
        this.warehouses = warehouses;
        this.pageSize = properties.pageSize("lists", 20);
    }

    @GetMapping("/warehouses")
    String list(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        ResultPage<Warehouse> found = warehouses.list(list.apiPage(), list.size(), list.apiSort());
        model.addAttribute("list", list);
        model.addAttribute("warehouses", found);
        model.addAttribute("paging", list.paging(found));
        return Htmx.isFragmentRequest(request) ? "warehouses :: results" : "warehouses";
    }

    @GetMapping("/warehouses/new")
    String newWarehouse(Model model) {
        return form(WarehouseForm.empty(UUID.randomUUID().toString()), FormErrors.none(), null, model);
    }

    @PostMapping("/warehouses/new")
    Object create(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        WarehouseForm form = WarehouseForm.from(fields);
        try {
            Warehouse created = warehouses.create(form.toAddress(), form.idempotencyKey());
            String message = created.isMain() ? "Added " + created.name() + ", the main warehouse." : "Added " + created.name() + ".";
            return Outcomes.done("/warehouses", message, request, response);
        }
        catch (ServiceProblem refused) {
            form(form, Forms.errors(refused, WarehouseForm.FIELDS, WarehouseForm.LABELS), null, model);
            return Outcomes.again("warehouse-form", "entry", Forms.status(refused), request);
        }
    }

    @GetMapping("/warehouses/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return form(WarehouseForm.of(warehouse), FormErrors.none(), warehouse, model);
    }

    @PostMapping("/warehouses/{id}/edit")
    Object update(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        WarehouseForm form = WarehouseForm.from(fields);
        try {
            Warehouse saved = warehouses.update(id, form.toAddress());
            return Outcomes.done("/warehouses", "Saved " + saved.name() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            form(form, Forms.errors(refused, WarehouseForm.FIELDS, WarehouseForm.LABELS), warehouses.get(id), model);
            return Outcomes.again("warehouse-form", "entry", Forms.status(refused), request);
        }
    }

    /** Without JavaScript, "Make main" asks on a page of its own. */
    @GetMapping("/warehouses/{id}/make-main")
    String confirmMakeMain(@PathVariable UUID id, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return Confirmation.show(model, new Confirmation("Make " + warehouse.name() + " the main warehouse", warehouse.makeMainQuestion(),
                "/warehouses/" + id + "/make-main", "Make main", "/warehouses"));
    }

    @PostMapping("/warehouses/{id}/make-main")
    Object makeMain(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        try {
            Warehouse main = warehouses.makeMain(id);
            return Outcomes.done("/warehouses", main.name() + " is now the main warehouse.", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnList(refused, request, response);
        }
    }

    @GetMapping("/warehouses/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return Confirmation.show(model, new Confirmation("Delete " + warehouse.name(), warehouse.deleteQuestion(),
                "/warehouses/" + id + "/delete", "Delete", "/warehouses"));
    }

    @PostMapping("/warehouses/{id}/delete")
    Object delete(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        String name = warehouses.get(id).name();
        try {
            warehouses.delete(id);
            return Outcomes.done("/warehouses", "Deleted " + name + ".", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnList(refused, request, response);
        }
    }

    /** A refusal (still holds stock, is the main one, …) said at the top of the list, read again. */
    private static Object refusedOnList(ServiceProblem refused, HttpServletRequest request, HttpServletResponse response) {
        if (refused.status() == 403 || refused.status() == 404) {
            throw refused;
        }
        return Outcomes.refused("/warehouses", refused.detail(), request, response);
    }

    private static String form(WarehouseForm form, FormErrors errors, Warehouse warehouse, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("warehouse", warehouse);
        return "warehouse-form";
    }
}
