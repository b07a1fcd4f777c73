package dev.eshop.product.category;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping("/v1/categories")
    List<CategoryView> tree() {
        return categories.tree();
    }

    @GetMapping("/v1/categories/{idOrSlug}")
    CategoryView get(@PathVariable String idOrSlug) {
        return categories.get(idOrSlug);
    }

    @PostMapping("/v1/categories")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryRequest request) {
        CategoryView created = categories.create(request);
        return ResponseEntity.created(URI.create("/v1/categories/" + created.id())).body(created);
    }

    @PutMapping("/v1/categories/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CategoryView update(@PathVariable UUID id, @Valid @RequestBody CategoryRequest request) {
        return categories.update(id, request);
    }

    @DeleteMapping("/v1/categories/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        categories.delete(id);
    }
}
