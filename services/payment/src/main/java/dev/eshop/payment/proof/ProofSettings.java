package dev.eshop.payment.proof;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code eshop.payment.proofs.*} (spec/services.md §5.6).
 *
 * @param bucket        the private S3 bucket of originals and thumbnails ({@code eshop-payment-proofs}; tests map {@code eshop.s3.bucket})
 * @param maxSize       largest accepted image (2 MB); keep {@code spring.servlet.multipart.max-file-size} the same
 * @param maxDimension  largest width and height, read from the header before decoding (10000 px)
 * @param thumbnailSize long side of the JPEG thumbnail (320 px)
 */
@ConfigurationProperties("eshop.payment.proofs")
public record ProofSettings(String bucket, DataSize maxSize, int maxDimension, int thumbnailSize) {

    public ProofSettings {
        bucket = bucket == null || bucket.isBlank() ? "eshop-payment-proofs" : bucket;
        maxSize = maxSize == null ? DataSize.ofMegabytes(2) : maxSize;
        maxDimension = maxDimension <= 0 ? 10_000 : maxDimension;
        thumbnailSize = thumbnailSize <= 0 ? 320 : thumbnailSize;
    }
}
