package dev.eshop.cart.cache;

import dev.eshop.cart.cache.CacheEvictions.Pending;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Every {@code eshop.cart.cache-eviction-interval} (10 s): deletes from Redis the carts and product copies
 * recorded in {@link CacheEvictions}, and forgets them once Redis confirmed. Rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work; while Redis is down the rows stay.
 */
@Component
class CacheEvictionJob {

    private static final Logger log = LoggerFactory.getLogger(CacheEvictionJob.class);
    private static final int BATCH = 200;

    private final CacheEvictions evictions;
    private final CartCache carts;
    private final ProductCache products;
    private final TransactionTemplate transaction;

    CacheEvictionJob(CacheEvictions evictions, CartCache carts, ProductCache products, PlatformTransactionManager transactions) {
        this.evictions = evictions;
        this.carts = carts;
        this.products = products;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${eshop.cart.cache-eviction-interval:10s}", initialDelayString = "${eshop.cart.cache-eviction-interval:10s}")
    void run() {
        try {
            int evicted = runOnce();
            if (evicted > 0) {
                log.info("Evicted {} stale Redis entries", evicted);
            }
        }
        catch (RuntimeException e) {
            log.warn("Evicting stale Redis entries failed, will retry: {}", e.toString());
        }
    }

    /** One round: as many batches as there are; returns how many entries were evicted. */
    int runOnce() {
        int evicted = 0;
        int round;
        do {
            round = transaction.execute(status -> {
                List<Pending> cartRows = evictions.lockCarts(BATCH);
                List<Pending> productRows = evictions.lockProducts(BATCH);
                if (!cartRows.isEmpty()) {
                    if (!carts.delete(ids(cartRows))) {
                        return 0;
                    }
                    evictions.forgetCarts(cartRows);
                }
                if (!productRows.isEmpty()) {
                    if (!products.delete(ids(productRows))) {
                        return cartRows.size();
                    }
                    evictions.forgetProducts(productRows);
                }
                return cartRows.size() + productRows.size();
            });
            evicted += round;
        }
        while (round >= BATCH);
        evictions.refresh();
        return evicted;
    }

    private static List<UUID> ids(List<Pending> rows) {
        return rows.stream().map(Pending::id).toList();
    }
}
