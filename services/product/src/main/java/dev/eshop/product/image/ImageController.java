package dev.eshop.product.image;

import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.product.catalogue.ProductViews.ImageView;
import dev.eshop.product.catalogue.ProductViews.ProductDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

@RestController
class ImageController {

    /** {@code {image_id}.{jpg|png|webp}} or {@code {image_id}-thumb.jpg}. */
    private static final Pattern FILE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.(jpg|png|webp)|-thumb\\.jpg)");

    private final ProductImages images;
    private final ImageStorage storage;

    ImageController(ProductImages images, ImageStorage storage) {
        this.images = images;
        this.storage = storage;
    }

    /** Adds an image (JPEG, PNG or WebP by its content, ≤ 5 MB); the first becomes the main one. */
    @PostMapping(path = "/v1/products/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Idempotent
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ImageView> upload(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file,
                                     @RequestParam(name = "main", required = false) Boolean main) {
        ImageView image = images.add(id, file, main);
        return ResponseEntity.created(URI.create(image.url())).body(image);
    }

    record ImageChange(Boolean main, Integer position) {
    }

    @PatchMapping("/v1/products/{id}/images/{imageId}")
    @PreAuthorize("hasRole('ADMIN')")
    ProductDetail change(@PathVariable UUID id, @PathVariable UUID imageId, @RequestBody ImageChange change) {
        return images.change(id, imageId, change.main(), change.position());
    }

    @DeleteMapping("/v1/products/{id}/images/{imageId}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID id, @PathVariable UUID imageId) {
        images.remove(id, imageId);
    }

    /** The image bytes from S3, cacheable for a year (keys are never reused). */
    @GetMapping("/v1/images/{file}")
    ResponseEntity<byte[]> serve(@PathVariable String file) {
        if (!FILE.matcher(file).matches()) {
            throw new NotFoundException("No image '" + file + "' exists.");
        }
        var object = storage.get("product-images/" + file).orElseThrow(() -> new NotFoundException("No image '" + file + "' exists."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, object.response().contentType())
                .header(HttpHeaders.CACHE_CONTROL, ImageStorage.CACHE_CONTROL)
                .eTag(object.response().eTag())
                .body(object.asByteArray());
    }
}
