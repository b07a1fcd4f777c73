package dev.eshop.platform.events;

import java.util.UUID;

/**
 * The payload of an event. Its {@link #subject()} is the aggregate it is about: the Kafka key and
 * the {@code ce_subject} header, so one aggregate's events stay in order on one partition.
 */
public interface Event {

    UUID subject();
}
