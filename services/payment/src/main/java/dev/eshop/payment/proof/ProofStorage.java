package dev.eshop.payment.proof;

import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;


/**
 * Proof images in the private S3 bucket ({@code eshop.s3.*} for the connection, {@code eshop.payment.proofs.bucket}
 * for the bucket). Objects are written with server-side encryption and read only by this service, which
 * streams them to the owner and admins; there is no public URL. S3 not answering is a 503.
 */
@Component
class ProofStorage {

    private static final Logger log = LoggerFactory.getLogger(ProofStorage.class);

    private final S3Client s3;
    private final String bucket;

    ProofStorage(ProofSettings settings, S3Client s3) {
        this.s3 = s3;
        this.bucket = settings.bucket();
    }

    void put(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(bytes));
        }
        catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** The object as a stream to copy to the client and close; 404 when it does not exist. */
    ResponseInputStream<GetObjectResponse> open(String key) {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(key));
        }
        catch (NoSuchKeyException e) {
            log.warn("Payment proof object {} is missing from bucket {}", key, bucket);
            throw new NotFoundException("The image of this payment is not available.");
        }
        catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Deletes objects no row references; a failure is only logged (an unreferenced private object is harmless). */
    void deleteQuietly(String... keys) {
        for (String key : keys) {
            try {
                s3.deleteObject(request -> request.bucket(bucket).key(key));
            }
            catch (RuntimeException e) {
                log.warn("Could not delete unreferenced payment proof object {} from bucket {}: {}", key, bucket, e.toString());
            }
        }
    }

    private static DependencyUnavailableException unavailable(SdkException e) {
        return new DependencyUnavailableException("s3", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                "The image store did not answer. Please try again shortly.", e);
    }
}
