package dev.eshop.platform.web.s3;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;

/** One {@link S3Client} from {@code eshop.s3.*}, in the services that keep files in S3 (product, payment). */
@AutoConfiguration
@ConditionalOnClass({S3Client.class, UrlConnectionHttpClient.class})
@EnableConfigurationProperties(S3Properties.class)
public class S3AutoConfiguration {

    /** The JDK's URL connection as HTTP client: fewer threads and less memory than the SDK's Apache client. */
    @Bean
    @ConditionalOnMissingBean
    public S3Client s3Client(S3Properties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyleAccess())
                .credentialsProvider(properties.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
        if (!properties.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        return builder.build();
    }
}
