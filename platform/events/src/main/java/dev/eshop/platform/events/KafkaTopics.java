package dev.eshop.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns (the ones it publishes, and the dead-letter topics of the ones it
 * consumes), idempotently. Kafka may be down when a service starts, so callers retry until it succeeds.
 */
public class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

    private final Map<String, Object> adminConfig;
    private final EventsKafkaProperties properties;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public KafkaTopics(Map<String, Object> adminConfig, EventsKafkaProperties properties) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        this.properties = properties;
    }

    /** Creates the named topics if missing; true when they all exist afterwards. */
    public boolean create(Collection<String> names) {
        var missing = names.stream().filter(name -> !created.contains(name))
                .map(name -> new NewTopic(name, Optional.of(properties.partitions()), Optional.ofNullable(properties.replicationFactor()))
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.topicRetention().toMillis()))))
                .toList();
        if (missing.isEmpty()) {
            return true;
        }
        try (Admin admin = Admin.create(adminConfig)) {
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(15, TimeUnit.SECONDS);
                    log.info("Created topic {}", entry.getKey());
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                created.add(entry.getKey());
            }
            return true;
        }
        catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Could not create topics {} yet: {}", missing.stream().map(NewTopic::name).toList(), e.toString());
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
