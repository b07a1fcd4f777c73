package dev.eshop.storefront.order;

import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The signed-in customer's orders at the order service, and quotes for a cart. */
@Component
public class Orders {

    private final RestClient order;

    Orders(ServiceClients clients) {
        this.order = clients.create("order");
    }

    /** One page (from 0) of the customer's orders, newest first, in any of the statuses (all when none). */
    public OrderSummary.Page mine(int page, int size, Collection<String> statuses) {
        return order.get().uri(builder -> {
            builder.path("/v1/orders/me").queryParam("page", page).queryParam("size", size);
            statuses.forEach(status -> builder.queryParam("status", status));
            return builder.build();
        }).retrieve().body(OrderSummary.Page.class);
    }

    public OrderDetail detail(UUID id) {
        return order.get().uri("/v1/orders/{id}", id).retrieve().body(OrderDetail.class);
    }

    /** The customer's most recent order, for prefilling the delivery address. */
    public Optional<OrderDetail> latest() {
        return mine(0, 1, List.of()).items().stream().findFirst().map(summary -> detail(summary.id()));
    }

    /** What these cart lines would cost delivered to the zip code; nothing is reserved. */
    public Quote quote(List<QuoteLine> lines, String zipCode) {
        return order.post().uri("/v1/orders/quote").body(new QuoteRequest(lines, zipCode)).retrieve().body(Quote.class);
    }

    public OrderDetail cancel(UUID id) {
        return order.post().uri("/v1/orders/{id}/cancel", id).body(Map.of()).retrieve().body(OrderDetail.class);
    }

    public OrderDetail confirmDelivery(UUID id) {
        return order.post().uri("/v1/orders/{id}/confirm-delivery", id).retrieve().body(OrderDetail.class);
    }

    public record QuoteLine(UUID productId, int quantity) {
    }

    record QuoteRequest(List<QuoteLine> lines, String zipCode) {
    }
}
