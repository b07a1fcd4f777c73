package dev.eshop.platform.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired idempotency records every {@code eshop.idempotency.purge-interval} (1 h). Every
 * replica runs it; the {@code DELETE … WHERE expires_at < now} is harmless when run twice.
 */
class IdempotencyPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private ScheduledExecutorService executor;

    IdempotencyPurge(IdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** One round; returns how many records were deleted. */
    int purgeOnce() {
        int deleted = store.purgeExpired();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency records", deleted);
        }
        return deleted;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-purge").daemon().factory());
        long every = properties.purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                purgeOnce();
            }
            catch (RuntimeException e) {
                log.warn("Purging expired idempotency records failed, will retry: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
