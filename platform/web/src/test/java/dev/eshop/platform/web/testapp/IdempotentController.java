package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.idempotency.Idempotent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IK endpoints whose effect can be counted: each successful call adds one "thing" under its name. A
 * thing named {@value #BLOCKING} waits until the test opens the gate, so a twin can arrive while it runs.
 */
@RestController
@RequestMapping("/v1/test/idempotent")
public class IdempotentController {

    public static final String BLOCKING = "wait-for-the-gate";

    public record NewThing(@NotBlank String name) {
    }

    public record Thing(UUID id, String name, int number) {
    }

    private final ConcurrentHashMap<String, AtomicInteger> effects = new ConcurrentHashMap<>();
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(1);

    /** How many times a thing of this name was made. */
    public int effects(String name) {
        AtomicInteger count = effects.get(name);
        return count == null ? 0 : count.get();
    }

    /** Closes the gate for the next blocking request; returns the latch it counts down once it runs. */
    public CountDownLatch closeGate() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        return entered;
    }

    public void openGate() {
        gate.countDown();
    }

    @PostMapping("/things")
    @Idempotent
    ResponseEntity<Thing> create(@Valid @RequestBody NewThing request) throws InterruptedException {
        if (BLOCKING.equals(request.name())) {
            entered.countDown();
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
        Thing thing = new Thing(Ids.newId(), request.name(), effects.computeIfAbsent(request.name(), n -> new AtomicInteger()).incrementAndGet());
        return ResponseEntity.created(URI.create("/v1/test/idempotent/things/" + thing.id())).body(thing);
    }

    @PostMapping("/required")
    @Idempotent(required = true)
    ResponseEntity<Thing> required(@Valid @RequestBody NewThing request) {
        Thing thing = new Thing(Ids.newId(), request.name(), effects.computeIfAbsent(request.name(), n -> new AtomicInteger()).incrementAndGet());
        return ResponseEntity.ok(thing);
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Idempotent
    ResponseEntity<Thing> upload(@RequestPart("file") MultipartFile file, @RequestPart("label") String label) throws IOException {
        String name = label + ":" + file.getBytes().length;
        Thing thing = new Thing(Ids.newId(), name, effects.computeIfAbsent(label, n -> new AtomicInteger()).incrementAndGet());
        return ResponseEntity.created(URI.create("/v1/test/idempotent/uploads/" + thing.id())).body(thing);
    }
}
