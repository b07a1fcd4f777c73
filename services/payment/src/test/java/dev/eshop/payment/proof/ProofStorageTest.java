package dev.eshop.payment.proof;

import dev.eshop.platform.testing.Ports;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.s3.S3AutoConfiguration;
import dev.eshop.platform.web.s3.S3Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 side of proofs without Spring: objects written encrypted and streamed back, a missing object is
 * a 404, and an S3 that does not answer is a 503 {@code dependency-unavailable} (flows.md §4), never a 500.
 */
class ProofStorageTest {

    @Test
    void objectsAreStoredAndStreamedBack() throws IOException {
        S3Engine engine = S3Engine.get();
        String bucket = engine.createBucket("proof-storage");
        try (S3Client s3 = s3(engine.endpoint())) {
            ProofStorage storage = new ProofStorage(settings(bucket), s3);
            String key = "payment-proofs/2025/01/" + UUID.randomUUID();
            storage.put(key, "bytes".getBytes(StandardCharsets.US_ASCII), "image/png");
            try (InputStream in = storage.open(key)) {
                assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("bytes");
            }
            storage.deleteQuietly(key, key + "-thumb");
            assertThatThrownBy(() -> storage.open(key)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void anS3ThatDoesNotAnswerIs503() {
        try (S3Client s3 = s3("http://127.0.0.1:" + Ports.free())) {
            ProofStorage storage = new ProofStorage(settings("eshop-payment-proofs"), s3);
            assertThatThrownBy(() -> storage.put("payment-proofs/x", new byte[] {1}, "image/png"))
                    .isInstanceOfSatisfying(DependencyUnavailableException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(503);
                        assertThat(e.members()).containsEntry("dependency", "s3");
                        assertThat(e.headers().getFirst("Retry-After")).isNotBlank();
                    });
            assertThatThrownBy(() -> storage.open("payment-proofs/x")).isInstanceOf(DependencyUnavailableException.class);
            storage.deleteQuietly("payment-proofs/x"); // only logged
        }
    }

    private static ProofSettings settings(String bucket) {
        return new ProofSettings(bucket, null, 0, 0);
    }

    private static S3Client s3(String endpoint) {
        return new S3AutoConfiguration().s3Client(new S3Properties(endpoint, S3Engine.REGION, true, S3Engine.ACCESS_KEY, S3Engine.SECRET_KEY));
    }
}
