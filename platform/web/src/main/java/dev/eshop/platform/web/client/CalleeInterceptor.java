package dev.eshop.platform.web.client;

import dev.eshop.platform.web.problem.DependencyUnavailableException;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;

import java.io.IOException;
import java.time.Duration;

/**
 * Retries a call that is safe to repeat when the callee does not answer or answers 5xx (twice,
 * after 200 ms and 400 ms), and answers 503 {@code dependency-unavailable} when it still fails.
 */
final class CalleeInterceptor implements ClientHttpRequestInterceptor {

    private static final RetryTemplate SAFE = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(2)
            .delay(Duration.ofMillis(200))
            .multiplier(2)
            .includes(IOException.class)
            .build());

    private static final RetryTemplate ONCE = new RetryTemplate(RetryPolicy.withMaxRetries(0));

    private final String callee;

    CalleeInterceptor(String callee) {
        this.callee = callee;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        RetryTemplate retries = safeToRetry(request) ? SAFE : ONCE;
        try {
            return retries.execute(() -> answered(execution.execute(request, body)));
        }
        catch (RetryException ex) {
            Throwable failure = ex.getCause();
            if (failure instanceof OAuth2AuthorizationException) {
                throw new DependencyUnavailableException("auth", failure);
            }
            if (failure instanceof RuntimeException runtime && !(failure instanceof ServerError)) {
                throw runtime;
            }
            throw new DependencyUnavailableException(callee, failure);
        }
    }

    private static boolean safeToRetry(HttpRequest request) {
        return request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || Boolean.TRUE.equals(request.getAttributes().get(ServiceClients.SAFE_TO_RETRY));
    }

    private static ClientHttpResponse answered(ClientHttpResponse response) throws IOException {
        if (response.getStatusCode().is5xxServerError()) {
            int status = response.getStatusCode().value();
            response.close();
            throw new ServerError(status);
        }
        return response;
    }

    /** The callee answered, but with a 5xx: worth another try, like no answer at all. */
    private static final class ServerError extends IOException {

        ServerError(int status) {
            super("answered " + status);
        }
    }
}
