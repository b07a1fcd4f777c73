package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithPostgres;
import dev.eshop.platform.web.idempotency.IdempotencyStore;
import dev.eshop.platform.web.testapp.IdempotentController;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key (services.md §0.5) over real HTTP with the records in a real PostgreSQL database. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=",
        // platform-events sets this default in services; platform-web's own tests do not have it.
        "spring.flyway.locations=classpath:db/eshop/{vendor}"})
@WithPostgres
class IdempotencyTest extends WebTestSupport {

    private static final String THINGS = "/v1/test/idempotent/things";

    @Autowired
    IdempotentController things;

    @Autowired
    IdempotencyStore store;

    @Autowired
    JdbcClient jdbc;

    private final String user = bearer(TestTokens.customer(UUID.randomUUID()));

    private ResponseSpec post(String token, String path, String key, String json) {
        var request = client.post().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(json).exchange();
    }

    private static String thing(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private int records(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idem_key = ?").param(key).query(Integer.class).single();
    }

    @Test
    void aRepeatGetsTheSameAnswerAndDoesNotActAgain() {
        String key = key();
        EntityExchangeResult<String> first = post(user, THINGS, key, thing("replayed")).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").expectBody(String.class).returnResult();
        EntityExchangeResult<String> repeat = post(user, THINGS, key, thing("replayed")).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult();

        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody()).contains("\"number\":1");
        assertThat(repeat.getResponseHeaders().getLocation()).isNotNull().isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(things.effects("replayed")).as("the handler ran once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT status_code FROM idempotency_record WHERE idem_key = ?").param(key).query(Integer.class).single())
                .isEqualTo(201);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = key();
        post(user, THINGS, key, thing("original")).expectStatus().isCreated();
        assertDetail(assertProblem(post(user, THINGS, key, thing("changed")), 422, "idempotency-key-reused", "Idempotency key reused",
                THINGS), "Idempotency-Key");
        assertThat(things.effects("changed")).isZero();
        // The stored answer is still there for the original body.
        post(user, THINGS, key, thing("original")).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    @Test
    void aTwinWhileTheFirstIsRunningIsAConflict() throws Exception {
        String key = key();
        String body = thing(IdempotentController.BLOCKING);
        CountDownLatch entered = things.closeGate();
        int before = things.effects(IdempotentController.BLOCKING);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> post(user, THINGS, key, body).returnResult(String.class).getStatus().value());
        try {
            assertThat(entered.await(20, TimeUnit.SECONDS)).as("the first request reached the handler").isTrue();
            assertDetail(assertProblem(post(user, THINGS, key, body), 409, "idempotency-in-progress", "Idempotency key in progress",
                    THINGS), "still being processed");
        }
        finally {
            things.openGate();
        }
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(201);
        post(user, THINGS, key, body).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(things.effects(IdempotentController.BLOCKING) - before).as("one effect for three requests").isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsNotStoredSoTheCorrectedOneMayUseTheSameKey() {
        String key = key();
        assertProblem(post(user, THINGS, key, thing(" ")), 400, "validation", "Invalid request", THINGS);
        assertThat(records(key)).as("no record after a 4xx").isZero();
        post(user, THINGS, key, thing("corrected")).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(things.effects("corrected")).isEqualTo(1);
    }

    @Test
    void differentCallersDoNotShareKeys() {
        String key = key();
        String other = bearer(TestTokens.customer(UUID.randomUUID()));
        String mine = post(user, THINGS, key, thing("per-caller")).expectStatus().isCreated().expectBody(String.class).returnResult()
                .getResponseBody();
        String theirs = post(other, THINGS, key, thing("per-caller")).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").expectBody(String.class).returnResult().getResponseBody();
        assertThat(theirs).isNotEqualTo(mine);
        assertThat(things.effects("per-caller")).isEqualTo(2);
        assertThat(records(key)).isEqualTo(2);
    }

    @Test
    void aKeyMustBeOneToAHundredPrintableAsciiCharacters() throws Exception {
        for (String bad : List.of("", "k".repeat(101), "tab\tinside")) {
            assertDetail(assertProblem(post(user, THINGS, bad, thing("bad-key")), 400, "malformed-request", "Malformed request", THINGS),
                    "Idempotency-Key", "printable");
        }
        // The JDK client will not send a byte above 0x7E in a header, so this one goes over a plain socket.
        assertThat(rawPost("cl\u00e9")).startsWith("HTTP/1.1 400 ").contains("malformed-request", "Idempotency-Key");
        assertThat(things.effects("bad-key")).isZero();
        post(user, THINGS, "k".repeat(100), thing("longest-key")).expectStatus().isCreated();
        post(user, THINGS, " ~!\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}", thing("all-printable")).expectStatus().isCreated();
    }

    /** A POST with the key's characters sent as ISO-8859-1 bytes; returns the whole response. */
    private String rawPost(String key) throws Exception {
        byte[] body = thing("bad-key").getBytes(StandardCharsets.UTF_8);
        String head = "POST " + THINGS + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + user
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n"
                + "Idempotency-Key: " + key + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aRequiredKeyIsRequired() {
        assertDetail(assertProblem(post(user, "/v1/test/idempotent/required", null, thing("required")), 400, "malformed-request",
                "Malformed request", "/v1/test/idempotent/required"), "Idempotency-Key", "required");
        assertThat(things.effects("required")).isZero();
        post(user, "/v1/test/idempotent/required", key(), thing("required")).expectStatus().isOk();
        // Not required elsewhere: without a key the endpoint just acts.
        post(user, THINGS, null, thing("no-key")).expectStatus().isCreated();
        post(user, THINGS, null, thing("no-key")).expectStatus().isCreated();
        assertThat(things.effects("no-key")).isEqualTo(2);
    }

    @Test
    void multipartRequestsAreHashedPartByPart() {
        String key = key();
        EntityExchangeResult<String> first = upload(key, "label-a", new byte[]{1, 2, 3}).expectStatus().isCreated()
                .expectBody(String.class).returnResult();
        upload(key, "label-a", new byte[]{1, 2, 3}).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().valueEquals(HttpHeaders.LOCATION, first.getResponseHeaders().getLocation().toString())
                .expectBody(String.class).isEqualTo(first.getResponseBody());
        assertProblem(upload(key, "label-a", new byte[]{1, 2, 4}), 422, "idempotency-key-reused", "Idempotency key reused",
                "/v1/test/idempotent/uploads");
        assertThat(things.effects("label-a")).isEqualTo(1);
    }

    private ResponseSpec upload(String key, String label, byte[] bytes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "f.bin";
            }
        });
        parts.add("label", label);
        return client.post().uri("/v1/test/idempotent/uploads").header("Authorization", user).header("Idempotency-Key", key)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    @Test
    void aRecordInProgressForLongerThanAMinuteIsTakenOver() throws Exception {
        UUID userId = UUID.randomUUID();
        String caller = bearer(TestTokens.customer(userId));
        String body = thing("abandoned");
        String scope = userId + " POST " + THINGS;
        String fresh = key();
        String abandoned = key();
        insert(scope, fresh, sha256(body), null, Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        insert(scope, abandoned, sha256(body), null, Instant.now().minus(Duration.ofSeconds(61)), Instant.now().plus(Duration.ofHours(1)));

        assertProblem(post(caller, THINGS, fresh, body), 409, "idempotency-in-progress", "Idempotency key in progress", THINGS);
        post(caller, THINGS, abandoned, body).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(things.effects("abandoned")).isEqualTo(1);
        post(caller, THINGS, abandoned, body).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
    }

    @Test
    void expiredRecordsAreNeitherReplayedNorKept() throws Exception {
        UUID userId = UUID.randomUUID();
        String caller = bearer(TestTokens.customer(userId));
        String scope = userId + " POST " + THINGS;
        String body = thing("expired");
        String expired = key();
        String expiredToo = key();
        String live = key();
        Instant past = Instant.now().minus(Duration.ofDays(2));
        insert(scope, expired, sha256(body), 201, past, past.plus(Duration.ofDays(1)));
        insert(scope, expiredToo, sha256(body), 201, past, past.plus(Duration.ofDays(1)));
        insert(scope, live, sha256(body), 201, Instant.now(), Instant.now().plus(Duration.ofHours(1)));

        // Not purged yet, but past its expiry: the request acts as a new one.
        post(caller, THINGS, expired, body).expectStatus().isCreated().expectHeader().doesNotExist("Idempotent-Replayed");
        assertThat(things.effects("expired")).isEqualTo(1);

        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(records(expiredToo)).as("the expired record is purged").isZero();
        assertThat(records(live)).as("a live record stays").isEqualTo(1);
        assertThat(records(expired)).as("the renewed record stays").isEqualTo(1);
    }

    private void insert(String scope, String key, String hash, Integer status, Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO idempotency_record (scope, idem_key, request_hash, status_code, response_body, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(scope, key, hash, status, status == null ? null : "{\"stale\":true}", Timestamp.from(createdAt),
                        Timestamp.from(expiresAt))
                .update();
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
