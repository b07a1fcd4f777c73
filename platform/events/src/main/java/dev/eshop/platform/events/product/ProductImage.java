package dev.eshop.platform.events.product;

import java.util.UUID;

import static dev.eshop.platform.events.EventFields.required;

/** One picture of a product's gallery, in display order. */
public record ProductImage(UUID imageId, String url, String thumbnailUrl, boolean main, int position) {

    public ProductImage {
        required(imageId, "images[].image_id");
        required(url, "images[].url");
    }
}
