package dev.eshop.platform.events.inbox;

import dev.eshop.platform.web.problem.NotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators replay parked records once the cause is fixed (ADMIN, like every {@code /v1/ops} path). */
@RestController
public class DeadLetterController {

    private final EventConsumers consumers;

    public DeadLetterController(EventConsumers consumers) {
        this.consumers = consumers;
    }

    @PostMapping("/v1/ops/dlt/{topic}/replay")
    public Replayed replay(@PathVariable String topic) {
        return consumers.replay(topic)
                .map(Replayed::new)
                .orElseThrow(() -> new NotFoundException("This service does not consume the topic " + topic + "."));
    }

    public record Replayed(int replayed) {
    }
}
