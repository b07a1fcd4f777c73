package dev.eshop.admin.product;

import dev.eshop.admin.category.Categories;
import dev.eshop.admin.category.Category;
import dev.eshop.admin.site.Confirmation;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.ResultPage;
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
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Products (spec/ui.md §2.4, flows.md §1.12): the list with search, category and deleted ones; the
 * form to add or edit one with its attributes and pictures; deleting one.
 */
@Controller
class ProductController {

    /** Product's largest picture (its {@code eshop.product.images.max-size}). */
    private static final DataSize LARGEST_PICTURE = DataSize.ofMegabytes(5);

    static final String PICTURE_LIMITS = "Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.";

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("created_at", false).and("name", true).and("price", true);

    private final Products products;
    private final Categories categories;
    private final Warehouses warehouses;
    private final int pageSize;

    ProductController(Products products, Categories categories, Warehouses warehouses, WebAppProperties properties) {
        this.products = products;
        this.categories = categories;
        this.warehouses = warehouses;
        this.pageSize = properties.pageSize("lists", 20);
    }

    @GetMapping("/products")
    String list(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        UUID category = Forms.id(list.filter("category"));
        boolean withDeleted = "true".equals(list.filter("include_deleted"));
        // Product sorts by creation date newest first only.
        String sort = list.sortField().equals("created_at") ? "created_at,desc" : list.apiSort();
        ResultPage<ProductSummary> found = products.list(list.filter("q"), category, withDeleted, list.apiPage(), list.size(), sort);
        model.addAttribute("list", list);
        model.addAttribute("products", found);
        model.addAttribute("paging", list.paging(found));
        model.addAttribute("categories", categories.tree());
        model.addAttribute("category", category);
        model.addAttribute("filtered", list.filter("q") != null || category != null);
        return Htmx.isFragmentRequest(request) ? "products :: results" : "products";
    }

    @GetMapping("/products/new")
    String newProduct(Model model) {
        return form(ProductForm.empty(UUID.randomUUID().toString()), turnedAway(model), null, model);
    }

    @PostMapping("/products/new")
    Object create(@RequestParam Map<String, String> fields, @RequestParam(name = "main_image", required = false) MultipartFile mainImage,
                  @RequestParam(name = "gallery", required = false) List<MultipartFile> gallery, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        ProductForm form = ProductForm.from(fields);
        FormErrors found = form.check();
        checkSizes(found, "main_image", mainImage == null ? List.of() : List.of(mainImage));
        checkSizes(found, "gallery", files(gallery));
        if (!found.isEmpty() && !form.incomplete()) {
            form(form, found, null, model);
            return Outcomes.again("product-form", "entry", HttpStatus.BAD_REQUEST, request);
        }
        ProductDetail created;
        try {
            created = products.create(new Products.NewProduct(form.name().strip(), form.description().strip(), form.priceAmount(),
                    form.category(), form.attributeMap(), form.initialQuantity().isBlank() ? Integer.valueOf(0) : form.quantity()),
                    form.idempotencyKey());
        }
        catch (ServiceProblem refused) {
            form(form, form.errors(refused, found), null, model);
            return Outcomes.again("product-form", "entry", Forms.status(refused), request);
        }
        String refusedImage = addImages(created.id(), mainImage, files(gallery), form.idempotencyKey());
        String location = "/products/" + created.id() + "/edit";
        if (refusedImage != null) {
            return Outcomes.refused(location, "Added " + created.name() + ", but " + refusedImage, request, response);
        }
        return Outcomes.done("/products", "Added " + created.name() + ".", request, response);
    }

    @GetMapping("/products/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        ProductDetail product = products.get(id);
        return form(ProductForm.of(product), turnedAway(model), product, model);
    }

    /** Pictures {@link PictureLimits} turned away, said next to the gallery; no errors otherwise. */
    private static FormErrors turnedAway(Model model) {
        FormErrors errors = FormErrors.none();
        if (model.getAttribute(PictureLimits.PROBLEM) instanceof String problem) {
            errors.field("gallery", problem);
        }
        return errors;
    }

    @PostMapping("/products/{id}/edit")
    Object update(@PathVariable UUID id, @RequestParam Map<String, String> fields,
                  @RequestParam(name = "gallery", required = false) List<MultipartFile> gallery, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        ProductForm form = ProductForm.from(fields);
        FormErrors found = form.check();
        checkSizes(found, "gallery", files(gallery));
        if (!found.isEmpty() && !form.incomplete()) {
            form(form, found, products.get(id), model);
            return Outcomes.again("product-form", "entry", HttpStatus.BAD_REQUEST, request);
        }
        Long version = form.versionNumber();
        ProductDetail saved;
        try {
            saved = products.update(id, new Products.ProductChange(form.name().strip(), form.description().strip(), form.priceAmount(),
                    form.category(), form.attributeMap(), version == null ? -1 : version));
        }
        catch (ServiceProblem refused) {
            form(form, form.errors(refused, found), products.get(id), model);
            return Outcomes.again("product-form", "entry", Forms.status(refused), request);
        }
        String refusedImage = addImages(id, null, files(gallery), UUID.randomUUID().toString());
        if (refusedImage != null) {
            return Outcomes.refused("/products/" + id + "/edit", "Saved " + saved.name() + ", but " + refusedImage, request, response);
        }
        return Outcomes.done("/products", "Saved " + saved.name() + ".", request, response);
    }

    /** Makes a picture the main one; the edit page again, read anew. */
    @PostMapping("/products/{id}/images/{imageId}/main")
    Object makeMain(@PathVariable UUID id, @PathVariable UUID imageId, HttpServletRequest request, HttpServletResponse response) {
        try {
            products.makeMain(id, imageId);
            return Outcomes.done("/products/" + id + "/edit", "The picture is now the main one.", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnEdit(id, refused, request, response);
        }
    }

    /** Removes a picture after asking (a dialog, or without JavaScript the confirmation page). */
    @PostMapping("/products/{id}/images/{imageId}/remove")
    Object removeImage(@PathVariable UUID id, @PathVariable UUID imageId, @RequestParam(defaultValue = "") String confirmed, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        if (!"true".equals(confirmed)) {
            ProductDetail product = products.get(id);
            return Confirmation.show(model, new Confirmation("Remove picture", product.removeImageQuestion(),
                    "/products/" + id + "/images/" + imageId + "/remove", "Remove", "/products/" + id + "/edit",
                    Map.of("confirmed", "true")));
        }
        try {
            products.removeImage(id, imageId);
            return Outcomes.done("/products/" + id + "/edit", "The picture was removed.", request, response);
        }
        catch (ServiceProblem refused) {
            return refusedOnEdit(id, refused, request, response);
        }
    }

    @GetMapping("/products/{id}/delete")
    String confirmDelete(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
        ProductDetail product = products.get(id);
        String list = ListQuery.back("/products", back);
        return Confirmation.show(model, new Confirmation("Delete " + product.name(), ProductSummary.deleteQuestion(product.name()),
                "/products/" + id + "/delete", "Delete", list, Map.of("back", list)));
    }

    /** Deletes a product, then shows the list it was deleted from; a refusal is said above that list. */
    @PostMapping("/products/{id}/delete")
    Object delete(@PathVariable UUID id, @RequestParam(required = false) String back, HttpServletRequest request,
                  HttpServletResponse response) {
        String list = ListQuery.back("/products", back);
        String name = products.get(id).name();
        try {
            products.delete(id);
            return Outcomes.done(list, "Deleted " + name + ".", request, response);
        }
        catch (ServiceProblem refused) {
            if (refused.status() == 403) {
                throw refused;
            }
            return Outcomes.refused(list, deleteRefusal(name, refused), request, response);
        }
    }

    /** A refused delete in plain words: the product is gone already, product is not answering, or why it stays. */
    private static String deleteRefusal(String name, ServiceProblem refused) {
        if (refused.status() == 404) {
            return name + " is no longer in the catalogue.";
        }
        if (refused.unavailable()) {
            return refused.detail();
        }
        return name + " cannot be deleted: " + refused.detail();
    }

    /**
     * Sends the chosen pictures: the main one first, then the gallery in order (the first picture of a
     * product becomes its main one). Stops at the first refusal and says which file and why; null when
     * all went in.
     */
    private String addImages(UUID productId, MultipartFile mainImage, List<MultipartFile> gallery, String idempotencyKey) {
        List<MultipartFile> files = new ArrayList<>();
        if (mainImage != null && !mainImage.isEmpty()) {
            files.add(mainImage);
        }
        files.addAll(gallery);
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            boolean main = i == 0 && mainImage != null && !mainImage.isEmpty();
            try {
                products.addImage(productId, bytes(file), file.getContentType(), main, idempotencyKey + "-image-" + i);
            }
            catch (ServiceProblem refused) {
                if (refused.status() == 403) {
                    throw refused;
                }
                String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "picture " + (i + 1)
                        : "the picture " + file.getOriginalFilename();
                return name + " was not added: " + imageRefusal(refused);
            }
        }
        return null;
    }

    /**
     * A picture larger than product takes is said next to its input before anything is sent, so
     * nothing is saved without it; the admin chooses the pictures again, what they typed kept.
     */
    private static void checkSizes(FormErrors errors, String field, List<MultipartFile> files) {
        files.stream().filter(file -> file.getSize() > LARGEST_PICTURE.toBytes()).findFirst().ifPresent(file -> {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "A picture"
                    : "The picture " + file.getOriginalFilename();
            errors.field(field, name + " is larger than 5 MB. " + PICTURE_LIMITS);
        });
    }

    /** Product's words for a refused picture, made plain where they are the generic ones. */
    private static String imageRefusal(ServiceProblem refused) {
        return switch (refused.status()) {
            case 413 -> "the file is larger than 5 MB.";
            case 415 -> refused.detail().isBlank() ? "please choose a JPEG, PNG or WebP image." : refused.detail();
            default -> refused.detail();
        };
    }

    private static List<MultipartFile> files(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Object refusedOnEdit(UUID id, ServiceProblem refused, HttpServletRequest request, HttpServletResponse response) {
        Forms.throwIfForbiddenOrGone(refused);
        return Outcomes.refused("/products/" + id + "/edit", refused.detail(), request, response);
    }

    private String form(ProductForm form, FormErrors errors, ProductDetail product, Model model) {
        List<Category> tree = categories.tree();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("product", product);
        model.addAttribute("categories", tree);
        model.addAttribute("known", ProductForm.KNOWN);
        model.addAttribute("fuels", ProductForm.FUELS);
        model.addAttribute("transmissions", ProductForm.TRANSMISSIONS);
        if (product == null) {
            model.addAttribute("noWarehouse", noWarehouse());
        }
        return "product-form";
    }

    /** Whether no warehouse exists yet (the initial stock then waits for the first one); unknown counts as "there is one". */
    private boolean noWarehouse() {
        try {
            return warehouses.list(0, 1, "name,asc").total() == 0;
        }
        catch (ServiceProblem problem) {
            return false;
        }
    }
}
