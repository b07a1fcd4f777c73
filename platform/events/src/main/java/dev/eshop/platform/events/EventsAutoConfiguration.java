package dev.eshop.platform.events;

import dev.eshop.platform.events.inbox.DeadLetterController;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.inbox.Inbox;
import dev.eshop.platform.events.inbox.InboxProperties;
import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.outbox.OutboxProperties;
import dev.eshop.platform.events.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a service with a database its outbox, relay and inbox, and subscribes its {@link EventHandler} beans.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({OutboxProperties.class, EventsKafkaProperties.class, InboxProperties.class})
public class EventsAutoConfiguration {

    @Bean
    SqlDialect eventsSqlDialect(DataSource dataSource) {
        return SqlDialect.of(dataSource);
    }

    @Bean
    KafkaTopics kafkaTopics(KafkaProperties kafka, EventsKafkaProperties properties) {
        return new KafkaTopics(kafka.buildAdminProperties(), properties);
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, SqlDialect dialect) {
        return new Inbox(jdbc, dialect);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, KafkaProperties kafka, KafkaTopics topics,
                            OutboxProperties properties, EventsKafkaProperties kafkaProperties, Inbox inbox,
                            InboxProperties inboxProperties, Environment environment, MeterRegistry meters) {
        var producer = new DefaultKafkaProducerFactory<>(producerConfig(kafka, properties), new StringSerializer(), new StringSerializer());
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), new KafkaTemplate<>(producer), topics, properties,
                kafkaProperties, inbox, inboxProperties, "/eshop/" + environment.getProperty("spring.application.name", "unnamed"), meters);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, SqlDialect dialect, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
        return new Outbox(jdbc, dialect, relay, tracer);
    }

    @Bean
    @ConditionalOnBean(EventHandler.class)
    EventConsumers eventConsumers(List<EventHandler<?>> handlers, KafkaProperties kafka, OutboxProperties outboxProperties,
                                  Inbox inbox, PlatformTransactionManager transactions, EventsKafkaProperties properties,
                                  KafkaTopics topics, Environment environment, MeterRegistry meters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        var deadLetters = new DefaultKafkaProducerFactory<>(producerConfig(kafka, outboxProperties), new StringSerializer(), new ByteArraySerializer());
        String group = kafka.getConsumer().getGroupId() != null
                ? kafka.getConsumer().getGroupId()
                : "eshop-" + environment.getProperty("spring.application.name", "unnamed");
        return new EventConsumers(handlers, consumer, new KafkaTemplate<>(deadLetters), inbox, new TransactionTemplate(transactions),
                properties, topics, group, meters);
    }

    @Bean
    @ConditionalOnBean(EventConsumers.class)
    @ConditionalOnWebApplication
    DeadLetterController deadLetterController(EventConsumers consumers) {
        return new DeadLetterController(consumers);
    }

    /** Idempotent, {@code acks=all}, and failing within the send timeout rather than blocking a round for minutes. */
    private static Map<String, Object> producerConfig(KafkaProperties kafka, OutboxProperties outbox) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        int timeout = (int) outbox.sendTimeout().toMillis();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        return config;
    }
}
