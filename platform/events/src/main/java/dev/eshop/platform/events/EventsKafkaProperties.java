package dev.eshop.platform.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param topicPrefix       put before every topic and consumer group name (empty in production; tests use it to
 *                          give each test class topics of its own on a shared broker)
 * @param topicRetention    retention of the topics this service creates
 * @param partitions        partitions of the topics this service creates
 * @param replicationFactor replication of those topics; unset = the broker's default
 * @param publishes         topics this service produces; it creates them at start-up
 * @param retry             how a failing record is retried before it is parked on its dead-letter topic
 */
@ConfigurationProperties("eshop.kafka")
public record EventsKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("7d") Duration topicRetention,
        @DefaultValue("3") int partitions,
        Short replicationFactor,
        @DefaultValue List<String> publishes,
        @DefaultValue Retry retry) {

    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue("8") int maxAttempts) {
    }

    public String topic(String name) {
        return topicPrefix + name;
    }
}
