package dev.eshop.admin.order;

import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Orders at the order service: the admins' list with filters, one order, and the two manual steps (ship, deliver). */
@Component
public class Orders {

    private static final ParameterizedTypeReference<ResultPage<OrderSummary>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient order;

    Orders(ServiceClients clients) {
        this.order = clients.create("order");
    }

    /** The filters of the list; null or empty means "any". {@code q} is an order number, a full id or part of an e-mail. */
    public record Filter(Collection<String> statuses, LocalDate from, LocalDate to, String q) {
    }

    public ResultPage<OrderSummary> list(Filter filter, int page, int size, String sort) {
        return order.get().uri(builder -> {
            builder.path("/v1/orders").queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            filter.statuses().forEach(status -> builder.queryParam("status", status));
            if (filter.from() != null) {
                builder.queryParam("from", filter.from());
            }
            if (filter.to() != null) {
                builder.queryParam("to", filter.to());
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                // A value, not part of the template: an e-mail's "+" must stay a "+". An order number is typed as shown, "#4E5F6A7B".
                builder.queryParam("q", "{q}");
                String q = filter.q().strip();
                return builder.build(q.startsWith("#") ? q.substring(1) : q);
            }
            return builder.build();
        }).retrieve().body(PAGE);
    }

    /** How many orders are in a status. */
    public long count(String status) {
        return list(new Filter(List.of(status), null, null, null), 0, 1, "created_at,desc").total();
    }

    public OrderDetail get(UUID id) {
        return order.get().uri("/v1/orders/{id}", id).retrieve().body(OrderDetail.class);
    }

    /** {@code ON_DELIVERY} (ship, with the carrier and tracking number as the note) or {@code DELIVERED}. */
    public OrderDetail changeStatus(UUID id, String status, String note, Integer version) {
        return order.patch().uri("/v1/orders/{id}/status", id).body(new StatusChange(status, note, version)).retrieve()
                .body(OrderDetail.class);
    }

    record StatusChange(String status, String note, Integer version) {
    }
}
