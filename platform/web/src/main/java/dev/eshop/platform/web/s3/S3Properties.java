package dev.eshop.platform.web.s3;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connection to S3, {@code eshop.s3.*}; each service names its own bucket.
 *
 * @param endpoint        another S3 than AWS's (S3Mock, MinIO); blank for AWS
 * @param pathStyleAccess {@code http://host/bucket/key} instead of a host per bucket, as S3Mock and MinIO want
 * @param accessKey       blank for the AWS default chain (environment, instance profile, …)
 */
@ConfigurationProperties("eshop.s3")
public record S3Properties(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
                           @DefaultValue("false") boolean pathStyleAccess, @DefaultValue("") String accessKey,
                           @DefaultValue("") String secretKey) {
}
