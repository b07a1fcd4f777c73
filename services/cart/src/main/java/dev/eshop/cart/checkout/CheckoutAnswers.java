package dev.eshop.cart.checkout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stores a checkout's 201 answer as its Idempotency-Key's record in the same MySQL transaction that
 * deletes the ordered lines (spec/services.md §3.5 step 3), so a retry after that point is answered
 * with the order, never met by a cart without those lines.
 * <p>
 * The record is the one platform-web's {@code @Idempotent} claimed for this request (same table, same
 * scope: the caller's {@code sub}, the method and the path template). Once it holds the answer, the
 * request's claim is handed back, so platform-web does not try to store the answer a second time.
 */
@Repository
class CheckoutAnswers {

    static final String PATH = "/v1/carts/checkout";

    /** platform-web's request attribute naming the claimed record (IdempotencyFilter.CLAIM). */
    private static final String CLAIM = "dev.eshop.platform.web.idempotency.IdempotencyFilter.claim";
    private static final int MAX_SCOPE_LENGTH = 200;

    private final JdbcClient jdbc;

    CheckoutAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction; true when the claimed record now holds the answer. */
    boolean store(String subject, String key, int status, String body) {
        return jdbc.sql("UPDATE idempotency_record SET status_code = ?, response_headers = ?, response_body = ? "
                        + "WHERE scope = ? AND idem_key = ? AND status_code IS NULL")
                .params(status, "Content-Type: application/json\n", body, scope(subject), key)
                .update() == 1;
    }

    /** After the transaction committed: the answer is stored, so platform-web has nothing left to store or forget. */
    void handOver(HttpServletRequest request) {
        request.removeAttribute(CLAIM);
    }

    /** The scope platform-web gives the record: caller, method and path template, hashed when too long. */
    static String scope(String subject) {
        String scope = subject + " POST " + PATH;
        if (scope.length() <= MAX_SCOPE_LENGTH) {
            return scope;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
