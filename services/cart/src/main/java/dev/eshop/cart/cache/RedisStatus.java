package dev.eshop.cart.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs Redis trouble once per outage rather than once per request: the first failure at WARN (the cart
 * goes on from MySQL), the recovery at INFO, everything in between at DEBUG. The actuator's {@code redis}
 * health component shows the state too.
 */
@Component
class RedisStatus {

    private static final Logger log = LoggerFactory.getLogger(RedisStatus.class);

    private volatile boolean failing;

    void failed(String what, RuntimeException failure) {
        if (!failing) {
            failing = true;
            log.warn("Redis failed ({}): carts are served from MySQL until it answers again: {}", what, failure.toString());
        }
        else {
            log.debug("Redis still failing ({}): {}", what, failure.toString());
        }
    }

    void succeeded() {
        if (failing) {
            failing = false;
            log.info("Redis answers again");
        }
    }
}
