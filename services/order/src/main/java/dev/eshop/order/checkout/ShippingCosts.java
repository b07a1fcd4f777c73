package dev.eshop.order.checkout;

import dev.eshop.platform.web.Money;
import dev.eshop.platform.web.client.ServiceClients;
import dev.eshop.platform.web.problem.DependencyUnavailableException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;

/** The shipping-cost function's {@code POST /shipping-cost}: the price of one shipment. */
@Component
class ShippingCosts {

    record Request(String fromZip, String toZip, int vehicles) {
    }

    record Quote(BigDecimal shippingCost, int distance, int vehicles) {
    }

    private final RestClient shipping;

    ShippingCosts(ServiceClients clients) {
        this.shipping = clients.create("shipping-cost");
    }

    BigDecimal cost(String fromZip, String toZip, int vehicles) {
        Quote quote = shipping.post().uri("/shipping-cost")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .body(new Request(fromZip, toZip, vehicles))
                .retrieve()
                .body(Quote.class);
        if (quote == null || quote.shippingCost() == null) {
            throw new DependencyUnavailableException("shipping-cost", new IllegalStateException("an answer without shipping_cost"));
        }
        return Money.of(quote.shippingCost());
    }
}
