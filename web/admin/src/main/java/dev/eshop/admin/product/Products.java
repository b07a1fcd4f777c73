package dev.eshop.admin.product;

import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Products and their pictures at the product service. */
@Component
class Products {

    private static final ParameterizedTypeReference<ResultPage<ProductSummary>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient product;

    Products(ServiceClients clients) {
        this.product = clients.create("product");
    }

    /** {@code q}: every word in the name, brand or description; {@code category}: an id (a top one includes its children). */
    ResultPage<ProductSummary> list(String q, UUID category, boolean includeDeleted, int page, int size, String sort) {
        return product.get().uri(builder -> {
            builder.path("/v1/products").queryParam("q", "{q}").queryParam("include_deleted", includeDeleted)
                    .queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            if (category != null) {
                builder.queryParam("category", category);
            }
            return builder.build(q == null ? "" : q.strip());
        }).retrieve().body(PAGE);
    }

    ProductDetail get(UUID id) {
        return product.get().uri("/v1/products/{id}", id).retrieve().body(ProductDetail.class);
    }

    ProductDetail create(NewProduct newProduct, String idempotencyKey) {
        return product.post().uri("/v1/products").header("Idempotency-Key", idempotencyKey).body(newProduct).retrieve()
                .body(ProductDetail.class);
    }

    /** Refused with 409 {@code concurrent-modification} when someone saved the product after {@code version} was read. */
    ProductDetail update(UUID id, ProductChange change) {
        return product.put().uri("/v1/products/{id}", id).body(change).retrieve().body(ProductDetail.class);
    }

    void delete(UUID id) {
        product.delete().uri("/v1/products/{id}", id).retrieve().toBodilessEntity();
    }

    /** Adds a picture ({@code main}: it becomes the main one); product checks its bytes (JPEG, PNG or WebP, at most 5 MB) and the count (8 at most). */
    void addImage(UUID id, byte[] bytes, String contentType, boolean main, String idempotencyKey) {
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(contentType == null || contentType.isBlank() ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(contentType));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                // Product stores pictures under names of its own; the admin's file name goes nowhere.
                return "image";
            }
        }, fileHeaders));
        if (main) {
            // Left out otherwise: product makes a product's first picture its main one.
            parts.add("main", "true");
        }
        product.post().uri("/v1/products/{id}/images", id)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve().toBodilessEntity();
    }

    void makeMain(UUID id, UUID imageId) {
        product.patch().uri("/v1/products/{id}/images/{imageId}", id, imageId).body(Map.of("main", true)).retrieve().toBodilessEntity();
    }

    void removeImage(UUID id, UUID imageId) {
        product.delete().uri("/v1/products/{id}/images/{imageId}", id, imageId).retrieve().toBodilessEntity();
    }

    record NewProduct(String name, String description, BigDecimal price, UUID categoryId, Map<String, Object> attributes,
                      Integer initialQuantity) {
    }

    record ProductChange(String name, String description, BigDecimal price, UUID categoryId, Map<String, Object> attributes,
                         long version) {
    }
}
