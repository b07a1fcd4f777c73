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
 * main warehouse, and deleting an empty one. Every change goes back to the list, read again, sorted
 * and on the page it was made from.
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
    String newWarehouse(@RequestParam(required = false) String back, Model model) {
        return form(WarehouseForm.empty(UUID.randomUUID().toString()), FormErrors.none(), null, list(back), model);
    }

    @PostMapping("/warehouses/new")
    Object create(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        WarehouseForm form = WarehouseForm.from(fields);
        String list = list(fields.get("back"));
        try {
            Warehouse created = warehouses.create(form.toAddress(), form.idempotencyKey());
            String message = created.isMain() ? "Added " + created.name() + ", the main warehouse." : "Added " + created.name() + ".";
            return Outcomes.done(list, message, request, response);
        }
        catch (ServiceProblem refused) {
            form(form, Forms.errors(refused, WarehouseForm.FIELDS, WarehouseForm.LABELS), null, list, model);
            return Outcomes.again("warehouse-form", "entry", Forms.status(refused), request);
        }
    }

    @GetMapping("/warehouses/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return form(WarehouseForm.of(warehouse), FormErrors.none(), warehouse, list(back), model);
    }

    @PostMapping("/warehouses/{id}/edit")
    Object update(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        WarehouseForm form = WarehouseForm.from(fields);
        String list = list(fields.get("back"));
        try {
            Warehouse saved = warehouses.update(id, form.toAddress());
            return Outcomes.done(list, "Saved " + saved.name() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            form(form, Forms.errors(refused, WarehouseForm.FIELDS, WarehouseForm.LABELS), warehouses.get(id), list, model);
            return Outcomes.again("warehouse-form", "entry", Forms.status(refused), request);
        }
    }

    /** Without JavaScript, "Make main" asks on a page of its own. */
    @GetMapping("/warehouses/{id}/make-main")
    String confirmMakeMain(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return Confirmation.show(model, new Confirmation("Make " + warehouse.name() + " the main warehouse", warehouse.makeMainQuestion(),
                "/warehouses/" + id + "/make-main", "Make main", list(back), Map.of("back", list(back))));
    }

    @PostMapping("/warehouses/{id}/make-main")
    Object makeMain(@PathVariable UUID id, @RequestParam(required = false) String back, HttpServletRequest request,
                    HttpServletResponse response) {
        try {
            Warehouse main = warehouses.makeMain(id);
            return Outcomes.done(list(back), main.name() + " is now the main warehouse.", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnList(refused, list(back), request, response);
        }
    }

    @GetMapping("/warehouses/{id}/delete")
    String confirmDelete(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
        Warehouse warehouse = warehouses.get(id);
        return Confirmation.show(model, new Confirmation("Delete " + warehouse.name(), warehouse.deleteQuestion(),
                "/warehouses/" + id + "/delete", "Delete", list(back), Map.of("back", list(back))));
    }

    @PostMapping("/warehouses/{id}/delete")
    Object delete(@PathVariable UUID id, @RequestParam(required = false) String back, HttpServletRequest request,
                  HttpServletResponse response) {
        String name = warehouses.get(id).name();
        try {
            warehouses.delete(id);
            return Outcomes.done(list(back), "Deleted " + name + ".", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnList(refused, list(back), request, response);
        }
    }

    /** The list the change was made from, as it was (sort and page). */
    private static String list(String back) {
        return ListQuery.back("/warehouses", back);
    }

    /** A refusal (still holds stock, is the main one, …) said at the top of the list, read again. */
    private static Object refusedOnList(ServiceProblem refused, String list, HttpServletRequest request, HttpServletResponse response) {
        Forms.throwIfForbiddenOrGone(refused);
        return Outcomes.refused(list, refused.detail(), request, response);
    }

    private static String form(WarehouseForm form, FormErrors errors, Warehouse warehouse, String list, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("back", list);
        model.addAttribute("errors", errors);
        model.addAttribute("warehouse", warehouse);
        return "warehouse-form";
    }
}
