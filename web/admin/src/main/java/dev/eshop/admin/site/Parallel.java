package dev.eshop.admin.site;

import dev.eshop.platform.webapp.client.ServiceProblem;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Calls to several services at once, for the pages made of independent cards (dashboard, reports).
 * The first call runs alone on the page's thread: if the user's access token has expired it is
 * refreshed there, once (auth rotates refresh tokens, so two refreshes at once would sign the user
 * out). The others then run on virtual threads that carry the page's sign-in and request. A card
 * whose service did not answer, or refused the call, still lets the others render.
 */
public final class Parallel implements AutoCloseable {

    /** A card's figures, or the problem that stands in for them. */
    public record Card<T>(T value, ServiceProblem problem) {

        public boolean available() {
            return problem == null;
        }

        /** What the card says instead of its figures: "Not available right now", or the service's own words for a refusal. */
        public String message() {
            return problem == null ? null : problem.unavailable() ? "Not available right now" : problem.detail();
        }
    }

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SecurityContext security = SecurityContextHolder.getContext();
    private final RequestAttributes request = RequestContextHolder.getRequestAttributes();
    private boolean first = true;

    /** Starts a call; {@link #card} waits for it. */
    public <T> CompletableFuture<T> start(Supplier<T> call) {
        if (first) {
            first = false;
            try {
                return CompletableFuture.completedFuture(call.get());
            }
            catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            try {
                return call.get();
            }
            finally {
                RequestContextHolder.resetRequestAttributes();
                SecurityContextHolder.clearContext();
            }
        }, threads);
    }

    /** The call's answer, or its problem. Tokens that no longer work send the user through sign-in as on any page. */
    public static <T> Card<T> card(CompletableFuture<T> call) {
        try {
            return new Card<>(call.join(), null);
        }
        catch (CompletionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof ServiceProblem problem) {
                return new Card<>(null, problem);
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw ex;
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
