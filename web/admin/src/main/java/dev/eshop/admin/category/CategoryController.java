package dev.eshop.admin.category;

import dev.eshop.admin.site.Confirmation;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The category tree (spec/ui.md §2.5): each category renamed, re-slugged or moved in order in its
 * own row, a new one added below, an empty one deleted. The page shows the tree read again after
 * every change; a refused change shows its messages in the row (or the add form) it came from.
 */
@Controller
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    /** A category's fields as typed; {@code parentId} empty for a top category. */
    record CategoryForm(String name, String slug, String parentId, String position) {

        static CategoryForm empty() {
            return new CategoryForm("", "", "", "0");
        }

        static CategoryForm of(Category category) {
            return new CategoryForm(category.name(), category.slug(), category.parentId() == null ? "" : category.parentId().toString(),
                    Integer.toString(category.position()));
        }

        static CategoryForm from(Map<String, String> fields) {
            return new CategoryForm(Forms.value(fields, "name"), Forms.value(fields, "slug"), Forms.value(fields, "parent_id"),
                    Forms.value(fields, "position"));
        }

        Categories.Change toChange() {
            Integer order = position.isBlank() ? Integer.valueOf(0) : Forms.wholeNumber(position);
            return new Categories.Change(name.strip(), Forms.optional(slug), Forms.id(parentId), order);
        }

        /** A position that is not a number is refused here, where product would not see it. */
        FormErrors check(String prefix) {
            FormErrors errors = FormErrors.none();
            if (!position.isBlank() && (Forms.wholeNumber(position) == null || Forms.wholeNumber(position) < 0)) {
                errors.field(prefix + "position", "Enter the position as a whole number, 0 or more.");
            }
            return errors;
        }
    }

    @GetMapping("/categories")
    String tree(Model model) {
        return show(CategoryForm.empty(), FormErrors.none(), null, null, model);
    }

    @PostMapping("/categories")
    Object create(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, HttpServletResponse response) {
        CategoryForm form = CategoryForm.from(fields);
        FormErrors found = form.check("new_");
        if (!found.isEmpty()) {
            show(form, found, null, null, model);
            return Outcomes.again("categories", "page", HttpStatus.BAD_REQUEST, request);
        }
        try {
            Category created = categories.create(form.toChange());
            return Outcomes.done("/categories", "Added category " + created.name() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            show(form, Forms.errors(refused, fields("new_"), labels("new_")), null, null, model);
            return Outcomes.again("categories", "page", Forms.status(refused), request);
        }
    }

    @PostMapping("/categories/{id}")
    Object update(@PathVariable UUID id, @RequestParam Map<String, String> fields, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        CategoryForm form = CategoryForm.from(fields);
        String prefix = "category-" + id + "-";
        FormErrors found = form.check(prefix);
        if (!found.isEmpty()) {
            show(CategoryForm.empty(), FormErrors.none(), id, Map.entry(form, found), model);
            return Outcomes.again("categories", "page", HttpStatus.BAD_REQUEST, request);
        }
        try {
            Category saved = categories.update(id, form.toChange());
            return Outcomes.done("/categories", "Saved category " + saved.name() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            show(CategoryForm.empty(), FormErrors.none(), id, Map.entry(form, Forms.errors(refused, fields(prefix), labels(prefix))),
                    model);
            return Outcomes.again("categories", "page", Forms.status(refused), request);
        }
    }

    @GetMapping("/categories/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        Category category = Categories.find(categories.tree(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return Confirmation.show(model, new Confirmation("Delete category " + category.name(), category.deleteQuestion(),
                "/categories/" + id + "/delete", "Delete", "/categories"));
    }

    @PostMapping("/categories/{id}/delete")
    Object delete(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) {
        Category category = Categories.find(categories.tree(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            categories.delete(id);
            return Outcomes.done("/categories", "Deleted category " + category.name() + ".", request, response);
        }
        catch (ServiceProblem refused) {
            Forms.throwIfForbiddenOrGone(refused);
            return Outcomes.refused("/categories", category.name() + " cannot be deleted: " + refused.detail(), request, response);
        }
    }

    /** The JSON paths of product's problems and the inputs of the add form ({@code new_}) or of a row ({@code category-<id>-}). */
    private static Map<String, String> fields(String prefix) {
        return Map.of("name", prefix + "name", "slug", prefix + "slug", "parent_id", prefix + "parent_id", "position", prefix + "position");
    }

    private static Map<String, String> labels(String prefix) {
        return Map.of(prefix + "name", "Name", prefix + "slug", "Slug", prefix + "parent_id", "Parent", prefix + "position", "Position");
    }

    /**
     * The page: the tree, the add form, and, when a row's change was refused, that row's typed
     * values and messages ({@code editing} is its id).
     */
    private String show(CategoryForm newForm, FormErrors newErrors, UUID editing, Map.Entry<CategoryForm, FormErrors> edited, Model model) {
        List<Category> categoriesNow = categories.tree();
        model.addAttribute("tree", categoriesNow);
        Map<UUID, CategoryForm> rows = new HashMap<>();
        categoriesNow.forEach(top -> {
            rows.put(top.id(), CategoryForm.of(top));
            top.children().forEach(child -> rows.put(child.id(), CategoryForm.of(child)));
        });
        model.addAttribute("rows", rows);
        model.addAttribute("form", newForm);
        model.addAttribute("errors", newErrors);
        model.addAttribute("editing", editing);
        model.addAttribute("edited", edited == null ? null : edited.getKey());
        model.addAttribute("rowErrors", edited == null ? FormErrors.none() : edited.getValue());
        model.addAttribute("noErrors", FormErrors.none());
        return "categories";
    }
}
