package dev.eshop.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.core.env.Environment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Writes and reads a test class's topics directly, the way another service would: to feed a
 * service the events it consumes, and to see what it published. Topic names are given without the
 * class's prefix ({@code eshop.kafka.topic-prefix}), which is added here.
 */
public final class KafkaTestClient {

    private final String bootstrapServers;
    private final String prefix;

    public KafkaTestClient(String bootstrapServers, String prefix) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
    }

    /** For a Spring test context set up by {@link WithKafka}. */
    public static KafkaTestClient of(Environment environment) {
        return new KafkaTestClient(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                environment.getProperty("eshop.kafka.topic-prefix", ""));
    }

    /** Publishes an event with CloudEvents headers and a fresh {@code ce_id}; returns that id. */
    public UUID publishEvent(String topic, String ceType, String key, String json) {
        UUID id = UUID.randomUUID();
        publish(topic, key, json, cloudEventHeaders(id, ceType, key));
        return id;
    }

    /** CloudEvents headers as a producing service sets them; change or drop some to test bad records. */
    public static Map<String, String> cloudEventHeaders(UUID id, String ceType, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", id.toString());
        headers.put("ce_type", ceType);
        headers.put("ce_source", "/eshop/test");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_specversion", "1.0");
        headers.put("ce_subject", subject);
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Publishes one record as given (value and headers as UTF-8) and waits for the broker's acknowledgement. */
    public RecordMetadata publish(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8)));
            byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return producer.send(new ProducerRecord<>(prefix + topic, null, key, bytes, recordHeaders)).get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + prefix + topic, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + prefix + topic, e);
        }
    }

    /** Reads the topic from its beginning until {@code done} holds for what was read, or the timeout passes. */
    public List<ConsumerRecord<String, byte[]>> read(String topic, Duration timeout, Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(prefix + topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads until a record with the given key is there, and returns the last such record. */
    public ConsumerRecord<String, byte[]> lastWithKey(String topic, String key, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = read(topic, timeout, read -> read.stream().anyMatch(r -> key.equals(r.key())));
        return records.stream().filter(r -> key.equals(r.key())).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no record with key " + key + " on " + prefix + topic + " within " + timeout));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<?, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }
}
