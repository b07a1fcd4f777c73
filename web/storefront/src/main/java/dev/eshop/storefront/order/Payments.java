package dev.eshop.storefront.order;

import dev.eshop.platform.webapp.client.ServiceClients;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.client.SignInRequiredException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/** Proofs of payment at the payment service: uploading one, and streaming its picture to its owner. */
@Component
class Payments {

    private final RestClient payment;
    private final JsonMapper json;

    Payments(ServiceClients clients) {
        this.payment = clients.create("payment");
        this.json = clients.json();
    }

    /** Sends the picture of the receipt (multipart {@code order_id}, {@code image}, {@code note}); payment checks its bytes. */
    void upload(UUID orderId, byte[] image, String contentType, String note, String idempotencyKey) {
        HttpHeaders imageHeaders = new HttpHeaders();
        imageHeaders.setContentType(contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("order_id", orderId.toString());
        parts.add("image", new HttpEntity<>(new ByteArrayResource(image) {
            @Override
            public String getFilename() {
                // Payment stores proofs under names of its own; the customer's file name goes nowhere.
                return "proof";
            }
        }, imageHeaders));
        if (note != null && !note.isBlank()) {
            parts.add("note", note);
        }
        payment.post().uri("/v1/payments")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve().toBodilessEntity();
    }

    /** Streams the proof (or its thumbnail) to the browser with the customer's token; nothing is kept here. */
    void stream(UUID paymentId, boolean thumbnail, HttpServletResponse response) {
        payment.get().uri("/v1/payments/{id}/image?variant={variant}", paymentId, thumbnail ? "thumbnail" : "original")
                .exchange((request, answer) -> {
                    int status = answer.getStatusCode().value();
                    if (status == 401) {
                        throw new SignInRequiredException("payment refused the user's token", null);
                    }
                    if (answer.getStatusCode().isError()) {
                        throw ServiceProblem.read("payment", status, answer.getBody().readAllBytes(), json);
                    }
                    MediaType type = answer.getHeaders().getContentType();
                    response.setContentType(type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type.toString());
                    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
                    if (answer.getHeaders().getContentLength() >= 0) {
                        response.setContentLengthLong(answer.getHeaders().getContentLength());
                    }
                    answer.getBody().transferTo(response.getOutputStream());
                    return null;
                });
    }
}
