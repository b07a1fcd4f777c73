package dev.eshop.storefront.product;

import dev.eshop.storefront.catalogue.ProductDetail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A product's pictures (spec/ui.md §1.5): the chosen one large ({@code ?image=} picks it, else the
 * main image), each as a thumbnail linking to {@code ?image={id}}; alt texts "Mazda CX-60, photo 2 of 4".
 */
record Gallery(List<Photo> photos, Photo shown) {

    record Photo(UUID id, String url, String thumbnailUrl, String alt, String href, boolean current) {
    }

    static Gallery of(ProductDetail product, UUID wanted) {
        List<ProductDetail.Image> images = product.images();
        if (images.isEmpty()) {
            return new Gallery(List.of(), null);
        }
        ProductDetail.Image chosen = images.stream().filter(image -> image.id().equals(wanted)).findFirst()
                .or(() -> images.stream().filter(ProductDetail.Image::main).findFirst())
                .orElse(images.getFirst());
        List<Photo> photos = new ArrayList<>();
        Photo shown = null;
        for (int i = 0; i < images.size(); i++) {
            ProductDetail.Image image = images.get(i);
            Photo photo = new Photo(image.id(), image.url(), image.thumbnailUrl() != null ? image.thumbnailUrl() : image.url(),
                    product.name() + ", photo " + (i + 1) + " of " + images.size(),
                    "/products/" + product.id() + "?image=" + image.id(), image.id().equals(chosen.id()));
            photos.add(photo);
            if (photo.current()) {
                shown = photo;
            }
        }
        return new Gallery(photos, shown);
    }
}
