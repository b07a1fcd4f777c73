package dev.eshop.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The one JSON form of event payloads: snake_case names, ISO-8601 instants, money as plain numbers,
 * unknown fields ignored. Kept apart from the web mapper so a service's web settings cannot change its events.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static String write(Event event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Reads a payload; anything unreadable or incomplete is a {@link MalformedEventException}. */
    public static <T extends Event> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new MalformedEventException("the record has no value");
        }
        try {
            return MAPPER.readValue(json, type);
        }
        catch (JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new MalformedEventException("the value is not a valid " + type.getSimpleName() + ": "
                    + cause.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public static String toString(byte[] json) {
        return json == null ? "null" : new String(json, StandardCharsets.UTF_8);
    }
}
