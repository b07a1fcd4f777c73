package dev.eshop.product.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code eshop.product.images.*}.
 *
 * @param bucket        S3 bucket of originals and thumbnails ({@code eshop-product-images}; tests map {@code eshop.s3.bucket})
 * @param publicBaseUrl where browsers load images from: this service's {@code /v1/images} or a CDN in front of the bucket
 */
@ConfigurationProperties("eshop.product.images")
public record ImageProperties(String bucket, String publicBaseUrl, DataSize maxSize, int maxDimension, int maxPerProduct,
                              int thumbnailSize) {

    public ImageProperties {
        bucket = bucket == null || bucket.isBlank() ? "eshop-product-images" : bucket;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8101/v1/images" : publicBaseUrl;
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        maxSize = maxSize == null ? DataSize.ofMegabytes(5) : maxSize;
        maxDimension = maxDimension <= 0 ? 10_000 : maxDimension;
        maxPerProduct = maxPerProduct <= 0 ? 8 : maxPerProduct;
        thumbnailSize = thumbnailSize <= 0 ? 480 : thumbnailSize;
    }
}
