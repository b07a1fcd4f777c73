package dev.eshop.platform.events.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval how often the relay looks for unsent rows (it is also woken by every commit that wrote one)
 * @param batchSize    rows per round
 * @param retention    how long sent rows are kept
 * @param maxBackoff   the longest pause after failed rounds (the pause doubles from the poll interval)
 * @param sendTimeout  how long one send may take before it counts as failed
 */
@ConfigurationProperties("eshop.outbox")
public record OutboxProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("30s") Duration maxBackoff,
        @DefaultValue("10s") Duration sendTimeout) {
}
