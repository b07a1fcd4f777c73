package dev.eshop.platform.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired idempotency records every {@code eshop.idempotency.purge-interval} (1 h). Every
 * replica runs it; the {@code DELETE … WHERE expires_at < now} is harmless when run twice.
 */
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;

    IdempotencyPurge(IdempotencyStore store) {
        this.store = store;
    }

    /** One round; returns how many records were deleted. */
    @Scheduled(initialDelayString = "${eshop.idempotency.purge-interval:1h}", fixedDelayString = "${eshop.idempotency.purge-interval:1h}")
    int purgeOnce() {
        int deleted = store.purgeExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency records", deleted);
        }
        return deleted;
    }
}
