package dev.eshop.product.image;

import dev.eshop.product.catalogue.Product;
import org.springframework.stereotype.Component;

/** Public URLs of images: {@code {public-base-url}/{image_id}.{ext}} and {@code …/{image_id}-thumb.jpg}. */
@Component
public class ImageUrls {

    private final String base;

    ImageUrls(ImageProperties properties) {
        this.base = properties.publicBaseUrl();
    }

    public String url(Product.Image image) {
        return base + "/" + image.fileName();
    }

    public String thumbnailUrl(Product.Image image) {
        return base + "/" + image.thumbnailFileName();
    }
}
