package dev.eshop.product.image;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import dev.eshop.platform.web.problem.StaleVersionException;
import dev.eshop.platform.web.upload.CheckedImage;
import dev.eshop.platform.web.upload.ImageUploads;
import dev.eshop.product.catalogue.Catalogue;
import dev.eshop.product.catalogue.Product;
import dev.eshop.product.catalogue.ProductEvents;
import dev.eshop.product.catalogue.ProductStore;
import dev.eshop.product.catalogue.ProductViews.ImageView;
import dev.eshop.product.catalogue.ProductViews.ProductDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A product's gallery: uploads checked by the platform ({@link ImageUploads}), original and thumbnail
 * written to S3 first, then the product (version + 1) with its {@code product-updated}; if that fails
 * the objects are deleted again.
 */
@Service
public class ProductImages {

    private final Catalogue catalogue;
    private final ProductStore store;
    private final ProductEvents events;
    private final ImageStorage storage;
    private final ImageUrls urls;
    private final ImageUploads uploads;
    private final int maxPerProduct;

    ProductImages(Catalogue catalogue, ProductStore store, ProductEvents events, ImageStorage storage, ImageUrls urls,
                  ImageProperties properties) {
        this.catalogue = catalogue;
        this.store = store;
        this.events = events;
        this.storage = storage;
        this.urls = urls;
        this.uploads = new ImageUploads(properties.maxSize().toBytes(), properties.maxDimension(), properties.thumbnailSize());
        this.maxPerProduct = properties.maxPerProduct();
    }

    public ImageView add(UUID productId, MultipartFile file, Boolean main) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldsException("file", "must be a non-empty image file");
        }
        Product product = catalogue.live(productId);
        checkRoom(product);
        CheckedImage checked = uploads.check(file);
        UUID id = Ids.newId();
        String key = "product-images/" + id + "." + checked.type().extension();
        String thumbnailKey = "product-images/" + id + "-thumb.jpg";
        storage.put(key, checked.bytes(), checked.type().mediaType());
        storage.put(thumbnailKey, checked.thumbnail(), "image/jpeg");
        try {
            Product saved = change(productId, current -> {
                checkRoom(current);
                boolean makeMain = main != null ? main : current.images().isEmpty();
                List<Product.Image> images = new ArrayList<>();
                for (Product.Image image : current.images()) {
                    images.add(makeMain && image.main() ? withMain(image, false) : image);
                }
                int position = current.images().stream().mapToInt(Product.Image::position).max().orElse(-1) + 1;
                images.add(new Product.Image(id, key, thumbnailKey, checked.type().mediaType(), checked.sizeBytes(), checked.width(),
                        checked.height(), makeMain || current.images().isEmpty(), position, Catalogue.now()));
                return images;
            });
            Product.Image image = saved.images().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
            return new ImageView(id, urls.url(image), urls.thumbnailUrl(image), image.main(), image.position());
        }
        catch (RuntimeException e) {
            storage.deleteQuietly(key, thumbnailKey);
            throw e;
        }
    }

    /** Makes an image the main one and/or moves it to another position. */
    public ProductDetail change(UUID productId, UUID imageId, Boolean main, Integer position) {
        if (main != null && !main) {
            throw new InvalidFieldsException("main", "can only be true (make another image main instead)");
        }
        if (position != null && position < 0) {
            throw new InvalidFieldsException("position", "must be greater than or equal to 0");
        }
        Product saved = change(productId, current -> {
            image(current, imageId);
            List<Product.Image> images = new ArrayList<>();
            for (Product.Image image : current.images()) {
                boolean isTarget = image.id().equals(imageId);
                boolean newMain = Boolean.TRUE.equals(main) ? isTarget : image.main();
                int newPosition = isTarget && position != null ? position : image.position();
                images.add(new Product.Image(image.id(), image.objectKey(), image.thumbnailKey(), image.contentType(), image.sizeBytes(),
                        image.width(), image.height(), newMain, newPosition, image.createdAt()));
            }
            return images;
        });
        return catalogue.detail(saved);
    }

    /** Removes an image; if it was the main one, the first remaining becomes main. */
    public void remove(UUID productId, UUID imageId) {
        Product.Image[] removed = new Product.Image[1];
        change(productId, current -> {
            removed[0] = image(current, imageId);
            List<Product.Image> images = new ArrayList<>(current.images().stream().filter(i -> !i.id().equals(imageId)).toList());
            if (removed[0].main() && !images.isEmpty()) {
                images.set(0, withMain(images.getFirst(), true));
            }
            return images;
        });
        storage.deleteQuietly(removed[0].objectKey(), removed[0].thumbnailKey());
    }

    private Product change(UUID productId, Function<Product, List<Product.Image>> edit) {
        for (int attempt = 1; ; attempt++) {
            Product current = catalogue.live(productId);
            Product changed = current.withImages(edit.apply(current), Catalogue.now());
            if (store.update(changed, current.version(), events.updated(changed))) {
                return changed;
            }
            if (attempt == 3) {
                throw new StaleVersionException(current.version() + 1);
            }
        }
    }

    private void checkRoom(Product product) {
        if (product.images().size() >= maxPerProduct) {
            throw new RuleViolatedException("too-many-images", "A product has at most " + maxPerProduct + " images.");
        }
    }

    private static Product.Image image(Product product, UUID imageId) {
        return product.images().stream().filter(i -> i.id().equals(imageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("image", imageId));
    }

    private static Product.Image withMain(Product.Image image, boolean main) {
        return new Product.Image(image.id(), image.objectKey(), image.thumbnailKey(), image.contentType(), image.sizeBytes(),
                image.width(), image.height(), main, image.position(), image.createdAt());
    }
}
