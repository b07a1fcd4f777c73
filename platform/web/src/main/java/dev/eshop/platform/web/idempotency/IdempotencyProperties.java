package dev.eshop.platform.web.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retention         how long a stored answer is replayed ({@code eshop.idempotency.retention}, 24 h)
 * @param inProgressTimeout after how long an unfinished record counts as abandoned and is taken over (1 min)
 * @param purgeInterval     how often expired records are deleted (1 h)
 */
@ConfigurationProperties("eshop.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration retention,
                                    @DefaultValue("1m") Duration inProgressTimeout,
                                    @DefaultValue("1h") Duration purgeInterval) {
}
