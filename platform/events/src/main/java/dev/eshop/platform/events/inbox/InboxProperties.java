package dev.eshop.platform.events.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param retention how long processed event ids are remembered; longer than any topic keeps its records */
@ConfigurationProperties("eshop.inbox")
public record InboxProperties(@DefaultValue("30d") Duration retention) {
}
