package dev.eshop.platform.events.inbox;

import dev.eshop.platform.events.Event;
import dev.eshop.platform.events.IncomingEvent;

/**
 * What a service does when an event arrives. Declare one as a bean per consumed event type; the
 * platform subscribes it (consumer group = the service), skips duplicates, runs it in a transaction
 * together with the inbox record, retries failures with back-off and parks what still fails on the
 * dead-letter topic.
 *
 * <pre>
 * &#64;Component
 * class InitialStock implements EventHandler&lt;ProductCreated&gt; {
 *     public void handle(IncomingEvent&lt;ProductCreated&gt; event) { ... }
 * }
 * </pre>
 *
 * A business rule that makes the event "not applicable" (an illegal transition, a stale version) is not
 * a failure: log it and return normally, and the event counts as handled.
 */
public interface EventHandler<T extends Event> {

    void handle(IncomingEvent<T> event);
}
