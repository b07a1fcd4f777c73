package dev.eshop.platform.web.idempotency;

import dev.eshop.platform.web.problem.MalformedRequestException;
import dev.eshop.platform.web.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * For handlers marked {@link Idempotent}: checks the key, claims the record (its own committed
 * transaction, before the handler runs), and answers repeats itself: the stored answer with
 * {@code Idempotent-Replayed: true}, 409 {@code idempotency-in-progress} or 422
 * {@code idempotency-key-reused}. The {@link IdempotencyFilter} stores or forgets the claimed
 * record once the response is complete.
 */
class IdempotencyInterceptor implements HandlerInterceptor {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 100;
    private static final int MAX_SCOPE_LENGTH = 200;

    private final IdempotencyStore store;

    IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            return true;
        }
        Idempotent idempotent = method.getMethodAnnotation(Idempotent.class);
        if (idempotent == null) {
            return true;
        }
        String key = request.getHeader(HEADER);
        if (key == null) {
            if (idempotent.required()) {
                throw new MalformedRequestException("The " + HEADER + " header is required for this request.");
            }
            return true;
        }
        if (!validKey(key)) {
            throw new MalformedRequestException("The " + HEADER + " header must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters.");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return true; // no caller to scope the key to; IK endpoints are for signed-in callers
        }
        String scope = scope(caller.getName(), request);
        IdempotencyStore.Outcome outcome = store.begin(scope, key, RequestHash.of(request));
        switch (outcome) {
            case IdempotencyStore.Started started -> {
                request.setAttribute(IdempotencyFilter.CLAIM, new IdempotencyFilter.Claim(scope, key, started.createdAt()));
                return true;
            }
            case IdempotencyStore.Replay replay -> {
                StoredResponse.replay(replay, response);
                return false;
            }
            case IdempotencyStore.InProgress ignored -> throw new ProblemException(HttpStatus.CONFLICT, "idempotency-in-progress",
                    "Idempotency key in progress", "A request with this " + HEADER + " is still being processed; retry later.");
            case IdempotencyStore.KeyReused ignored -> throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "Idempotency key reused",
                    "This " + HEADER + " was already used for a request with a different body.");
        }
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** Caller {@code sub}, method and path template; hashed if that would not fit the column. */
    private static String scope(String subject, HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String scope = subject + " " + request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
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
