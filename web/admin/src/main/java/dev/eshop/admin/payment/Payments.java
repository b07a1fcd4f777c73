package dev.eshop.admin.payment;

import dev.eshop.admin.site.Relay;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Proofs of payment at the payment service: the review queue, one payment, its picture, and the decision. */
@Component
public class Payments {

    private static final ParameterizedTypeReference<ResultPage<Payment>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient payment;
    private final JsonMapper json;

    Payments(ServiceClients clients) {
        this.payment = clients.create("payment");
        this.json = clients.json();
    }

    /** How many proofs wait for a decision. */
    public long awaitingReview() {
        return list(List.of("PENDING"), null, null, 0, 1, "created_at,asc").total();
    }

    public ResultPage<Payment> list(Collection<String> statuses, LocalDate from, LocalDate to, int page, int size, String sort) {
        return payment.get().uri(builder -> {
            builder.path("/v1/payments").queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            statuses.forEach(status -> builder.queryParam("status", status));
            if (from != null) {
                builder.queryParam("from", from);
            }
            if (to != null) {
                builder.queryParam("to", to);
            }
            return builder.build();
        }).retrieve().body(PAGE);
    }

    public Payment get(UUID id) {
        return payment.get().uri("/v1/payments/{id}", id).retrieve().body(Payment.class);
    }

    /** The order's payment, if a proof was uploaded for it (at most one per order). */
    public Optional<Payment> ofOrder(UUID orderId) {
        ResultPage<Payment> found = payment.get().uri("/v1/payments?order_id={id}&size=1", orderId).retrieve().body(PAGE);
        return found.items().stream().findFirst();
    }

    /** Approves or rejects; payment refuses a decided payment or an order not ready for it (409). */
    public Payment review(UUID id, String decision, String note) {
        return payment.post().uri("/v1/payments/{id}/review", id).body(new Review(decision, note)).retrieve().body(Payment.class);
    }

    /** Streams the proof (or its thumbnail) to the browser with the admin's token; nothing is kept here. */
    public void stream(UUID paymentId, boolean thumbnail, HttpServletResponse response) {
        payment.get().uri("/v1/payments/{id}/image?variant={variant}", paymentId, thumbnail ? "thumbnail" : "original")
                .exchange(Relay.to(response, "payment", json, List.of(),
                        Map.of(HttpHeaders.CACHE_CONTROL, "private, max-age=300", HttpHeaders.CONTENT_DISPOSITION, "inline")));
    }

    record Review(String decision, String note) {
    }
}
