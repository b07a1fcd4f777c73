package dev.eshop.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * An event as a consumer receives it: the payload and its CloudEvents metadata.
 *
 * @param id     {@code ce_id}, unique per event: what the inbox records
 * @param time   {@code ce_time}, when the change was made
 */
public record IncomingEvent<T extends Event>(UUID id, EventType<T> type, String source, String subject, Instant time, T payload) {

    /** Reads a record of the given type's topic; throws {@link MalformedEventException} for anything that can never be handled. */
    public static <T extends Event> IncomingEvent<T> from(ConsumerRecord<?, byte[]> record, EventType<T> type) {
        String ceType = header(record, CloudEventHeaders.TYPE);
        if (!type.ceType().equals(ceType)) {
            throw new MalformedEventException("unknown ce_type '" + ceType + "' on " + type.topic() + ", expected " + type.ceType());
        }
        UUID id = uuid(header(record, CloudEventHeaders.ID));
        String time = header(record, CloudEventHeaders.TIME);
        Instant at;
        try {
            at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time);
        }
        catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time '" + time + "' is not an ISO-8601 instant");
        }
        T payload = EventJson.read(record.value(), type.payloadType());
        return new IncomingEvent<>(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), at, payload);
    }

    /** The {@code ce_id} of a record, or null when it has none or it is not a UUID. */
    public static UUID idOf(ConsumerRecord<?, ?> record) {
        try {
            return uuid(header(record, CloudEventHeaders.ID));
        }
        catch (MalformedEventException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        if (value == null) {
            throw new MalformedEventException("the record has no ce_id header");
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id '" + value + "' is not a UUID");
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
