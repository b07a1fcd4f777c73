package dev.eshop.product.store.dynamodb;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eshop.product.dynamodb.*}, used when {@code eshop.product.store=dynamodb}.
 *
 * @param tablePrefix   the product table is {@code {prefix}products}
 * @param endpoint      empty = AWS's; set for dynalite or a VPC endpoint
 * @param accessKey     empty = the default AWS credentials chain
 * @param createTables  create the table and its indexes at start-up when missing
 * @param relayInterval how often events waiting on product items are moved to the outbox
 */
@ConfigurationProperties("eshop.product.dynamodb")
public record DynamoDbProperties(String tablePrefix, String endpoint, String region, String accessKey, String secretKey,
                                 boolean createTables, Duration relayInterval) {

    public DynamoDbProperties {
        tablePrefix = tablePrefix == null ? "eshop-" : tablePrefix;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        relayInterval = relayInterval == null ? Duration.ofMillis(500) : relayInterval;
    }

    public String productsTable() {
        return tablePrefix + "products";
    }
}
