package dev.eshop.product.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.util.Optional;

/** Image objects in S3 ({@code eshop.s3.*} for the connection, {@code eshop.product.images.bucket} for the bucket). */
@Component
public class ImageStorage implements AutoCloseable {

    /** Keys are never reused, so what is served never changes. */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private static final Logger log = LoggerFactory.getLogger(ImageStorage.class);

    private final S3Client s3;
    private final String bucket;

    ImageStorage(ImageProperties properties,
                 @Value("${eshop.s3.endpoint:}") String endpoint,
                 @Value("${eshop.s3.region:us-east-1}") String region,
                 @Value("${eshop.s3.path-style-access:false}") boolean pathStyle,
                 @Value("${eshop.s3.access-key:}") String accessKey,
                 @Value("${eshop.s3.secret-key:}") String secretKey) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.s3 = builder.build();
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

    @Override
    public void close() {
        s3.close();
    }
}
