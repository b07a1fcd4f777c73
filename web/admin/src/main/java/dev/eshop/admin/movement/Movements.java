package dev.eshop.admin.movement;

import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/** The stock movements ledger at the warehouse service. */
@Component
class Movements {

    private static final ParameterizedTypeReference<ResultPage<Movement>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient warehouse;

    Movements(ServiceClients clients) {
        this.warehouse = clients.create("warehouse");
    }

    /** The ledger's filters; null or empty means "any". A warehouse matches as source or destination. */
    record Filter(Collection<String> types, UUID productId, UUID warehouseId, UUID orderId, LocalDate from, LocalDate to) {
    }

    ResultPage<Movement> find(Filter filter, int page, int size, String sort) {
        return warehouse.get().uri(builder -> {
            builder.path("/v1/stock-movements").queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            filter.types().forEach(type -> builder.queryParam("type", type));
            if (filter.productId() != null) {
                builder.queryParam("product_id", filter.productId());
            }
            if (filter.warehouseId() != null) {
                builder.queryParam("warehouse_id", filter.warehouseId());
            }
            if (filter.orderId() != null) {
                builder.queryParam("order_id", filter.orderId());
            }
            if (filter.from() != null) {
                builder.queryParam("from", filter.from());
            }
            if (filter.to() != null) {
                builder.queryParam("to", filter.to());
            }
            return builder.build();
        }).retrieve().body(PAGE);
    }
}
