package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.client.ServiceClients;
import dev.eshop.platform.web.problem.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Another service to call (the test service calls itself through {@link ServiceClients}), and a caller of it. */
@RestController
@RequestMapping("/v1/test")
public class CalleeController {

    public static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    public record Caller(String caller, String scope) {
    }

    public record Attempts(int attempts) {
    }

    @GetMapping("/callee/whoami")
    @PreAuthorize("hasAuthority('SCOPE_greetings.read')")
    Caller whoami(@AuthenticationPrincipal Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("scope"));
    }

    /** Fails with a 503 for the first {@code failures} calls with this key, then answers. */
    @GetMapping("/callee/flaky/{key}")
    Attempts flaky(@PathVariable String key, @RequestParam int failures) {
        return attempt(key, failures);
    }

    @PostMapping("/callee/flaky/{key}")
    Attempts flakyPost(@PathVariable String key, @RequestParam int failures) {
        return attempt(key, failures);
    }

    @PostMapping("/callee/short")
    void shortOfStock() {
        throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                "There is not enough stock for Roadster 300.")
                .with("short_products", List.of(Map.of("name", "Roadster 300", "requested", 3, "available", 1)));
    }

    @GetMapping("/callee/slow")
    Attempts slow() throws InterruptedException {
        ATTEMPTS.computeIfAbsent("slow", k -> new AtomicInteger()).incrementAndGet();
        Thread.sleep(2_000);
        return new Attempts(1);
    }

    /** Calls the callee with the given name and passes on whatever it answers. */
    @GetMapping("/caller/{callee}/short")
    void callShort(@PathVariable String callee) {
        clients.create(callee).post().uri("/v1/test/callee/short").retrieve().toBodilessEntity();
    }

    private final ServiceClients clients;

    CalleeController(ServiceClients clients) {
        this.clients = clients;
    }

    private static Attempts attempt(String key, int failures) {
        int attempt = ATTEMPTS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= failures) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "not yet");
        }
        return new Attempts(attempt);
    }
}
