package dev.eshop.platform.events.inbox;

import dev.eshop.platform.events.Event;
import dev.eshop.platform.events.EventType;
import dev.eshop.platform.events.EventsKafkaProperties;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.KafkaTopics;
import dev.eshop.platform.events.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Subscribes every {@link EventHandler} bean to its topic under the service's consumer group, and
 * parks what cannot be handled on {@code <topic>.DLT}.
 *
 * <p>Each record is read (a malformed one is parked at once), then handled in one transaction with its
 * inbox record; the offset is committed after that transaction. A failure is retried in place with
 * exponential back-off, then parked with headers {@code x-exception}, {@code x-original-partition},
 * {@code x-original-offset} and {@code x-group}, and the records behind it go on.
 */
public class EventConsumers implements SmartLifecycle, ApplicationContextAware {

    public static final String EXCEPTION_HEADER = "x-exception";
    public static final String ORIGINAL_PARTITION_HEADER = "x-original-partition";
    public static final String ORIGINAL_OFFSET_HEADER = "x-original-offset";
    public static final String GROUP_HEADER = "x-group";

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final Map<String, Subscription<?>> subscriptions = new LinkedHashMap<>();
    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final Inbox inbox;
    private final TransactionTemplate transaction;
    private final EventsKafkaProperties properties;
    private final KafkaTopics topics;
    private final MeterRegistry meters;
    private final String group;
    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();

    private ApplicationContext context;
    private volatile boolean running;
    private Thread starter;

    public EventConsumers(Collection<EventHandler<?>> handlers, Map<String, Object> consumerConfig, KafkaTemplate<String, byte[]> deadLetters,
                          Inbox inbox, TransactionTemplate transaction, EventsKafkaProperties properties, KafkaTopics topics,
                          String group, MeterRegistry meters) {
        this.consumerConfig = consumerConfig;
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.transaction = transaction;
        this.properties = properties;
        this.topics = topics;
        this.group = properties.topicPrefix() + group;
        this.meters = meters;
        for (EventHandler<?> handler : handlers) {
            Subscription<?> subscription = Subscription.of(handler);
            Subscription<?> previous = subscriptions.putIfAbsent(subscription.type().topic(), subscription);
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + subscription.type().topic() + ": "
                        + previous.handler().getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    /** The consumer group, named after the service. */
    public String group() {
        return group;
    }

    public Collection<String> topics() {
        return subscriptions.keySet();
    }

    /** Reads a record and hands it to its handler in one transaction with the inbox; a duplicate is skipped. */
    private <T extends Event> void deliver(Subscription<T> subscription, ConsumerRecord<String, byte[]> record) {
        IncomingEvent<T> event = IncomingEvent.from(record, subscription.type());
        transaction.executeWithoutResult(status -> {
            if (inbox.firstDelivery(event)) {
                subscription.handler().handle(event);
            }
            else {
                log.debug("Skipped {} {}: already processed", event.type().topic(), event.id());
            }
        });
    }

    /**
     * Feeds this service's parked records of a topic to its handler again, continuing where the last
     * replay stopped (group {@code <group>-dlt-replay}). Records parked by other groups are passed over;
     * the inbox skips what was handled meanwhile. A record that fails again is parked again (at the end
     * of the dead-letter topic, with the new exception), so one bad record does not hold back the others.
     *
     * @return how many records were handed to the handler, or empty when this service does not consume the topic
     */
    public Optional<Integer> replay(String topic) {
        Subscription<?> subscription = subscriptions.get(topic);
        if (subscription == null) {
            return Optional.empty();
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + "-dlt-replay");
        String deadLetterTopic = properties.topic(subscription.type().deadLetterTopic());
        int replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (group.equals(header(record.headers(), GROUP_HEADER))) {
                        try {
                            deliver(subscription, record);
                            replayed++;
                        }
                        catch (MalformedEventException e) {
                            log.warn("Left parked record {} of {} on the dead-letter topic: {}", describe(record), topic, e.getMessage());
                        }
                        catch (RuntimeException e) {
                            log.warn("Parked {} of {} again: {}", describe(record), topic, rootCause(e).toString());
                            parkAgain(record, e);
                        }
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        }
        log.info("Replayed {} parked records of {}", replayed, topic);
        return Optional.of(replayed);
    }

    private void parkAgain(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(EXCEPTION_HEADER);
        Throwable cause = rootCause(failure);
        headers.add(EXCEPTION_HEADER, bytes(cause.getClass().getName() + ": " + cause.getMessage()));
        try {
            deadLetters.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not park " + describe(record) + " again", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while parking " + describe(record) + " again", e);
        }
    }

    private DefaultErrorHandler errorHandler() {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        publisher.setHeadersFunction((record, exception) -> {
            Throwable cause = rootCause(exception);
            Headers headers = new RecordHeaders();
            headers.add(EXCEPTION_HEADER, bytes(cause.getClass().getName() + ": " + cause.getMessage()));
            headers.add(ORIGINAL_PARTITION_HEADER, bytes(Integer.toString(record.partition())));
            headers.add(ORIGINAL_OFFSET_HEADER, bytes(Long.toString(record.offset())));
            headers.add(GROUP_HEADER, bytes(group));
            return headers;
        });
        EventsKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            String topic = record.topic().substring(properties.topicPrefix().length());
            log.warn("Parking {} of {} on the dead-letter topic: {}", describe(record), topic, rootCause(exception).toString());
            publisher.accept(record, exception);
            Counter.builder("eshop.kafka.dlt").description("Records parked on a dead-letter topic")
                    .tag("topic", topic).register(meters).increment();
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    private static String describe(ConsumerRecord<?, ?> record) {
        UUID id = IncomingEvent.idOf(record);
        return id != null ? "event " + id : "record at partition " + record.partition() + " offset " + record.offset();
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof MalformedEventException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void setApplicationContext(ApplicationContext context) throws BeansException {
        this.context = context;
    }

    /**
     * Containers start once the topics and their dead-letter topics exist; Kafka may be down when the
     * service starts, so that waits in the background and start-up goes on.
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        List<String> owned = new ArrayList<>();
        subscriptions.values().forEach(s -> {
            owned.add(properties.topic(s.type().topic()));
            owned.add(properties.topic(s.type().deadLetterTopic()));
        });
        starter = Thread.ofVirtual().name("event-consumers-start").start(() -> {
            Duration pause = Duration.ofMillis(500);
            while (running && !topics.create(owned)) {
                try {
                    Thread.sleep(pause);
                }
                catch (InterruptedException e) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
            }
            startContainers();
        });
    }

    private synchronized void startContainers() {
        if (!running) {
            return;
        }
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        var consumerFactory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        DefaultErrorHandler errorHandler = errorHandler();
        for (Subscription<?> subscription : subscriptions.values()) {
            ContainerProperties containerProperties = new ContainerProperties(properties.topic(subscription.type().topic()));
            containerProperties.setGroupId(group);
            containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
            containerProperties.setObservationEnabled(true);
            containerProperties.setMessageListener((MessageListener<String, byte[]>) record -> deliver(subscription, record));
            var container = new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName("events-" + subscription.type().topic());
            if (context != null) {
                container.setApplicationContext(context);
            }
            container.start();
            containers.add(container);
        }
        log.info("Consuming {} as {}", subscriptions.keySet(), group);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (starter != null) {
            starter.interrupt();
            starter = null;
        }
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** True once every subscription has partitions assigned; for tests and readiness checks. */
    public boolean assigned() {
        return containers.size() == subscriptions.size()
                && containers.stream().allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty());
    }

    private record Subscription<T extends Event>(EventType<T> type, EventHandler<T> handler) {

        @SuppressWarnings("unchecked")
        static Subscription<?> of(EventHandler<?> handler) {
            Class<?> payload = ResolvableType.forClass(EventHandler.class, AopUtils.getTargetClass(handler)).getGeneric(0).resolve();
            if (payload == null || !Event.class.isAssignableFrom(payload)) {
                throw new IllegalStateException(handler.getClass().getName() + " must name its event type: EventHandler<SomeEvent>");
            }
            return create(EventType.of((Class<Event>) payload), (EventHandler<Event>) handler);
        }

        private static <T extends Event> Subscription<T> create(EventType<T> type, EventHandler<T> handler) {
            return new Subscription<>(type, handler);
        }
    }
}
