package dev.eshop.product.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.Optional;

/** Image objects in S3 ({@code eshop.s3.*} for the connection, {@code eshop.product.images.bucket} for the bucket). */
@Component
public class ImageStorage {

    /** Keys are never reused, so what is served never changes. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private static final Logger log = LoggerFactory.getLogger(ImageStorage.class);

    private final S3Client s3;
    private final String bucket;

    ImageStorage(ImageProperties properties, S3Client s3) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
    }

    public Optional<ResponseBytes<GetObjectResponse>> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)));
        }
        catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Deletes objects that no row references; a failure is only logged (an unreferenced object is harmless). */
    public void deleteQuietly(String... keys) {
        for (String key : keys) {
            try {
                s3.deleteObject(request -> request.bucket(bucket).key(key));
            }
            catch (RuntimeException e) {
                log.warn("Could not delete unreferenced image object {} from bucket {}: {}", key, bucket, e.toString());
            }
        }
    }
}
